import Foundation

/// A complete, standalone HTML page around a rendered Markdown body: it opens in any browser,
/// prints well, and needs nothing from the network.
enum HTMLDocument {
    static func page(body: String, title: String, language: JournalConfig.Language) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(escape(title))</title>
        <style>
        body { font-family: Georgia, "Times New Roman", serif; line-height: 1.55; color: #222; max-width: 46em; margin: 2.5em auto; padding: 0 1.2em; }
        h1, h2, h3, h4 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; }
        h1 { font-size: 1.7em; border-bottom: 2px solid #ddd; padding-bottom: .3em; }
        h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #eee; padding-bottom: .2em; }
        h3 { font-size: 1.1em; margin-top: 1.6em; }
        blockquote { margin: 1em 0; padding: .6em 1em; background: #f6f6f2; border-left: 4px solid #b9b39a; color: #444; }
        table { border-collapse: collapse; }
        td, th { border: 1px solid #ccc; padding: .3em .6em; }
        code { font-size: .95em; }
        @media print { body { margin: 0; max-width: none; } }
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The text a reader sees: tags dropped, the entities cmark writes decoded. What the leak
    /// gate scans in an HTML output.
    static func visibleText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; out += " "; continue }
            if character == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(character) }
        }
        for (entity, value) in [("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out
    }
}
