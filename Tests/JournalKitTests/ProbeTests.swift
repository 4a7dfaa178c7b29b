import Testing
@testable import JournalKit
@Test func probe() { #expect(!Probe.v().isEmpty) }
