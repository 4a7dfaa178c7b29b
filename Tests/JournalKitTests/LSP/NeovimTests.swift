import Foundation
import Testing
@testable import JournalKit

/// Neovim, the editor, as the coach would run it: headless, with `vim.lsp.start_client` (Debian's
/// 0.7 has no `vim.lsp.start`), attached to a note of the `lsp` fixture journal.
@Suite struct NeovimTests {
    static let nvim = Git.find("nvim", searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")

    @Test(.enabled(if: nvim != nil, "Neovim is not installed (make setup installs it with apt-get install neovim)"))
    func neovimShowsDiagnosticsCompletionAndHover() throws {
        let journal = try fixtureJournal("lsp")
        let out = journal.root.appendingPathComponent("nvim-out.txt")
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "JOURNAL_DIR")
        environment["LSP_JOURNAL_BIN"] = try journalBinary().path
        environment["LSP_JOURNAL_ROOT"] = journal.root.path
        environment["LSP_NOTE"] = LanguageServerTests.second
        environment["LSP_OUT"] = out.path
        // Neovim keeps its state and logs under these: a folder of the test's own.
        environment["XDG_STATE_HOME"] = journal.root.appendingPathComponent(".nvim-state").path
        environment["XDG_DATA_HOME"] = journal.root.appendingPathComponent(".nvim-data").path
        environment["XDG_CACHE_HOME"] = journal.root.appendingPathComponent(".nvim-cache").path
        let script = fixturesFolder.appendingPathComponent("neovim/attach.lua").path
        let run = try runProcess(URL(fileURLWithPath: Self.nvim!), ["--headless", "-u", "NONE", "-i", "NONE", "-n",
                                                                    "-c", "luafile " + script],
                                 environment: environment, in: journal.root)
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.last == "end ok", "\(lines) \(run.result.stderr)")
        // On opening: the misspelt ref, on its line.
        let published = lines.firstIndex { $0.hasPrefix("published 2026-03-16-session.md") } ?? lines.count
        let first = lines[..<published]
        #expect(first.contains("diagnostic 2026-03-16-session.md ref-unknown 11:0"))
        // After typing the fix: the finding is gone.
        let afterChange = lines[(published + 1)...].prefix { !$0.hasPrefix("published") }
        #expect(!afterChange.contains { $0.contains("ref-unknown") })
        #expect(lines.contains { $0.hasPrefix("published 2026-03-16-session.md") && $0 != lines[published] })
        let completions = lines.filter { $0.hasPrefix("completion ") }
        #expect(completions == ["completion summary | Send the summary", "completion supplier | Call the supplier"])
        #expect(lines.contains("hover **Préparer l'équipe 🚀 pour la réunion**"))
        #expect(lines.contains { $0.hasPrefix("hover - 2026-03-16 done") })
    }

    /// The configuration docs/editors.md gives, run as a coach would paste it into init.lua: the
    /// server attaches by itself to a note of the journal, and its findings become Neovim's.
    @Test(.enabled(if: nvim != nil, "Neovim is not installed (make setup installs it with apt-get install neovim)"))
    func theDocumentedConfigurationAttachesTheServer() throws {
        let docs = try String(contentsOf: packageRoot.appendingPathComponent("docs/editors.md"), encoding: .utf8)
        let neovim = try #require(docs.range(of: "## Neovim"))
        let start = try #require(docs.range(of: "```lua\n", range: neovim.upperBound..<docs.endIndex))
        let end = try #require(docs.range(of: "```", range: start.upperBound..<docs.endIndex))
        let journal = try fixtureJournal("lsp")
        let snippet = journal.root.appendingPathComponent(".nvim/init.lua")
        try journal.write(".nvim/init.lua", String(docs[start.upperBound..<end.lowerBound]))
        let out = journal.root.appendingPathComponent(".nvim/out.txt")
        try journal.write(".nvim/check.lua", """
            vim.cmd("filetype on")
            vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("LSP_NOTE")))
            local seen = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 20)
            local lines = { "attached " .. tostring(seen) }
            for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(lines, "diagnostic " .. tostring(d.code) .. " " .. d.lnum) end
            vim.fn.writefile(lines, os.getenv("LSP_OUT"))
            vim.cmd("qa!")
            """)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "JOURNAL_DIR")
        // `journal` on the PATH is the binary under test, as the snippet calls it by name.
        environment["PATH"] = try journalBinary().deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["JOURNAL_TODAY"] = "2026-03-20"
        environment["LSP_NOTE"] = journal.root.appendingPathComponent(LanguageServerTests.second).path
        environment["LSP_OUT"] = out.path
        environment["XDG_STATE_HOME"] = journal.root.appendingPathComponent(".nvim/state").path
        environment["XDG_DATA_HOME"] = journal.root.appendingPathComponent(".nvim/data").path
        environment["XDG_CACHE_HOME"] = journal.root.appendingPathComponent(".nvim/cache").path
        let run = try runProcess(URL(fileURLWithPath: Self.nvim!),
                                 ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + snippet.path,
                                  "-c", "luafile " + journal.root.appendingPathComponent(".nvim/check.lua").path],
                                 environment: environment, in: journal.root)
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "attached true", "\(lines) \(run.result.stderr)")
        #expect(lines.contains("diagnostic ref-unknown 11"))
    }
}
