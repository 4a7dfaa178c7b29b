import JournalKit
print(Probe.v())
