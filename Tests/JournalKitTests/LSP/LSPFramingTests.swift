import Foundation
import Testing
@testable import JournalKit

/// Cutting the input into messages: headers, sizes, and what is done with input that is not LSP.
@Suite struct LSPFramingTests {
    /// Hands out the chunks one call at a time, then the end.
    final class Chunks: @unchecked Sendable {
        var chunks: [[UInt8]]
        init(_ chunks: [String]) { self.chunks = chunks.map { Array($0.utf8) } }
        func next() -> [UInt8] { chunks.isEmpty ? [] : chunks.removeFirst() }
    }

    func reader(_ chunks: [String], maximumBody: Int = LSPMessageReader.maximumBody) -> LSPMessageReader {
        let source = Chunks(chunks)
        return LSPMessageReader(maximumBody: maximumBody, source: { source.next() })
    }

    func frame(_ body: String) -> String { "Content-Length: \(body.utf8.count)\r\n\r\n" + body }

    @Test func messagesSplitAnywhereAndTogetherAreCutAtTheirLength() {
        let one = #"{"jsonrpc":"2.0","method":"a","params":{"t":"é🚀"}}"#
        let two = #"{"jsonrpc":"2.0","method":"b"}"#
        let whole = frame(one) + frame(two)
        let bytes = Array(whole.utf8)
        // Every cut of the stream into two chunks, even inside a header or a character.
        for cut in stride(from: 1, to: bytes.count, by: 7) {
            let source = Chunks([])
            source.chunks = [Array(bytes[..<cut]), Array(bytes[cut...])]
            var reader = LSPMessageReader(source: { source.next() })
            #expect(reader.next() == .message(Data(one.utf8)))
            #expect(reader.next() == .message(Data(two.utf8)))
            #expect(reader.next() == .end)
        }
    }

    @Test func otherHeadersAndAnyCaseAreAccepted() {
        var reader = reader(["content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"])
        #expect(reader.next() == .message(Data("{}".utf8)))
    }

    @Test func aHeaderWithoutLengthIsReportedAndTheNextMessageRead() {
        var reader = reader(["Content-Type: x\r\n\r\n" + frame("{}")])
        #expect(reader.next() == .badHeader)
        #expect(reader.next() == .message(Data("{}".utf8)))
        var negative = self.reader(["Content-Length: -5\r\n\r\n" + frame("{}")])
        #expect(negative.next() == .badHeader)
    }

    @Test func anOversizedBodyIsSkippedWithoutBeingKept() {
        var reader = reader([frame(String(repeating: "a", count: 100)) + frame("{}")], maximumBody: 10)
        #expect(reader.next() == .oversized(100))
        #expect(reader.next() == .message(Data("{}".utf8)))
    }

    @Test func endlessGarbageIsDroppedInBoundedPieces() {
        var reader = reader([String(repeating: "garbage ", count: 4000), frame("{}")])
        #expect(reader.next() == .badHeader)
        // What is left of the garbage, then the message once its header is found.
        var outcomes: [LSPMessageReader.Outcome] = []
        while true {
            let outcome = reader.next()
            outcomes.append(outcome)
            if outcome == .end || outcomes.count > 10 { break }
        }
        #expect(outcomes.contains(.message(Data("{}".utf8))) || outcomes.contains(.badHeader))
        #expect(outcomes.last == .end)
    }

    @Test func aBodyCutShortByTheEndIsTheEnd() {
        var reader = reader(["Content-Length: 50\r\n\r\n{\"jsonrpc\""])
        #expect(reader.next() == .end)
    }

    @Test func positionsAreUTF16() {
        let text = "a🚀é\nsecond"
        let document = LSPDocument(uri: "", path: nil, version: 0, bytes: Array(text.utf8))
        #expect(document.offset(of: LSPPosition(line: 0, character: 1)) == 1)
        #expect(document.offset(of: LSPPosition(line: 0, character: 3)) == 5)
        #expect(document.offset(of: LSPPosition(line: 0, character: 4)) == 7)
        // Inside the surrogate pair: after it, never inside the character.
        #expect(document.offset(of: LSPPosition(line: 0, character: 2)) == 5)
        #expect(document.offset(of: LSPPosition(line: 0, character: 99)) == 7)
        #expect(document.offset(of: LSPPosition(line: 1, character: 2)) == 10)
        #expect(document.offset(of: LSPPosition(line: 9, character: 0)) == text.utf8.count)
        let line = Array("a🚀é".utf8)[...]
        #expect(LSPDocument.utf16(column: 3, of: line) == 3)
        #expect(LSPDocument.utf16(column: 4, of: line) == 4)
        #expect(LSPDocument.utf16Length(of: line) == 4)
    }

    @Test func changesApplyInOrderAcrossLinesAndCRLF() {
        var document = LSPDocument(uri: "", path: nil, version: 0, bytes: Array("one\r\ntwo 🚀\nthree".utf8))
        document.apply((LSPPosition(line: 1, character: 4), LSPPosition(line: 1, character: 6)), "rocket")
        #expect(String(decoding: document.bytes, as: UTF8.self) == "one\r\ntwo rocket\nthree")
        document.apply((LSPPosition(line: 0, character: 3), LSPPosition(line: 2, character: 0)), " ")
        #expect(String(decoding: document.bytes, as: UTF8.self) == "one three")
        document.apply(nil, "all new")
        #expect(String(decoding: document.bytes, as: UTF8.self) == "all new")
    }
}
