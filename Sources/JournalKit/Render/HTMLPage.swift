import Foundation

/// A standalone HTML page around Markdown rendered by libcmark (through `MarkdownTree`, the only
/// file that calls it): doctype, language, character set, title and a small embedded style
/// sheet, so that the page reads well when opened or printed as it is.
public enum HTMLPage {
    public static func render(markdown: String, title: String, language: JournalConfig.Language) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(escape(title))</title>
        <style>
        body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #222; }
        h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; }
        blockquote { margin: 1em 0; padding: .5em 1em; background: #f6f6f2; border-left: 4px solid #b9b39a; color: #444; }
        hr { border: none; border-top: 1px solid #ccc; margin: 2em 0 1em; }
        table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
        @media print { body { margin: 0; max-width: none; } }
        </style>
        </head>
        <body>
        \(MarkdownTree.renderHTML(markdown))</body>
        </html>

        """
    }

    /// Text for an attribute or an element: `&`, `<`, `>` and `"` escaped.
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

    /// Everything of a page a reader can get at: the visible text, then every attribute value
    /// and every comment, each on lines of its own. What the leak gate scans in an HTML output.
    static func readableText(_ html: String) -> String {
        var extra: [String] = []
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            if html[open...].hasPrefix("<!--") {
                let end = html.range(of: "-->", range: open..<html.endIndex)?.lowerBound ?? html.endIndex
                extra.append(String(html[html.index(open, offsetBy: 4)..<end]))
                index = end
                continue
            }
            guard let close = html[open...].firstIndex(of: ">") else { break }
            // Attribute values, quoted either way.
            var rest = html[open..<close]
            while let quote = rest.firstIndex(where: { $0 == "\"" || $0 == "'" }) {
                let after = rest.index(after: quote)
                guard let end = rest[after...].firstIndex(of: rest[quote]) else { break }
                extra.append(String(rest[after..<end]))
                rest = rest[rest.index(after: end)...]
            }
            index = html.index(after: close)
        }
        return visibleText(html) + "\n" + extra.map { decode($0) }.joined(separator: "\n")
    }

    private static func decode(_ text: String) -> String {
        var out = text
        for (entity, value) in [("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out
    }

    /// The text a reader sees in a page: tags dropped, the entities cmark writes decoded.
    static func visibleText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; out += " "; continue }
            if character == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(character) }
        }
        return decode(out)
    }
}
