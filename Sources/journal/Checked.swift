import ArgumentParser
import JournalKit

/// A value the command line gives in text and the code uses typed: a language, a day, a status…
protocol ArgumentValue: Sendable {
    /// The value `text` names; nil when it names none.
    static func reading(_ text: String) -> Self?
    /// Why `text`, given to `option`, names no value, and what to write instead.
    static func problem(_ text: String, option: String) -> Message
}

/// An option's value, parsed by its type as the command line is read. A wrong value does not
/// stop the parser: it is kept with its text, and the command's `validate()` refuses it in our
/// words and in the coach's language (`GlobalOptions.check`), which only `--lang` or journal.yml
/// can tell; the parser's own refusal would be in English and about the option, not the value.
struct Checked<Value: ArgumentValue>: ExpressibleByArgument, Sendable {
    let text: String
    /// Nil only for a wrong value, which `validate()` refuses before `run()`.
    let value: Value?

    init(argument: String) {
        text = argument
        value = Value.reading(argument)
    }

    var defaultValueDescription: String { text }
}

extension JournalConfig.Language: ArgumentValue {
    static func reading(_ text: String) -> Self? { Self(rawValue: text.lowercased()) }
    static func problem(_ text: String, option: String) -> Message {
        Message("\(option) must be fr or en", fr: "\(option) doit valoir fr ou en")
    }
}

extension DateValue: ArgumentValue {
    static func reading(_ text: String) -> Self? {
        guard case .success(let value) = parse(text) else { return nil }
        return value
    }

    static func problem(_ text: String, option: String) -> Message {
        guard case .failure(let error) = parse(text) else { return Message(option, fr: option) }
        return Message("\(option): " + error.message, fr: "\(option): " + error.frenchMessage)
    }
}

extension ItemStatus: ArgumentValue {
    static func reading(_ text: String) -> Self? { parse(text) }
    static func problem(_ text: String, option: String) -> Message {
        Message("\(option) “\(text)”: use open, done, partial, dropped or carried",
                fr: "\(option) « \(text) » : utilisez open, done, partial, dropped ou carried (ou ouvert, fait, partiel, abandonné, reporté)")
    }
}

extension Party: ArgumentValue {
    static func reading(_ text: String) -> Self? { Self(spelling: text) }
    static func problem(_ text: String, option: String) -> Message {
        Message("\(option) “\(text)”: use client, coach or sponsor", fr: "\(option) « \(text) » : utilisez client, coach ou sponsor")
    }
}

extension DocumentType: ArgumentValue {
    static func reading(_ text: String) -> Self? { Self(spelling: text) }
    static func problem(_ text: String, option: String) -> Message {
        Message("\(option) “\(text)”: use session, chemistry, three-way, supervision or client",
                fr: "\(option) « \(text) » : utilisez session, chemistry, three-way, supervision ou client")
    }
}

extension CaseSummary.Format: ArgumentValue {
    static func reading(_ text: String) -> Self? {
        Self(rawValue: text.lowercased()) ?? (text.lowercased() == "markdown" ? .markdown : nil)
    }

    static func problem(_ text: String, option: String) -> Message {
        Message("\(option) “\(text)”: use md or html", fr: "\(option) « \(text) » : utilisez md ou html")
    }
}

/// `search --section`: a section of a note, in either language's spelling.
struct SectionName: ArgumentValue {
    /// The name the index knows it by.
    var name: String

    static func reading(_ text: String) -> Self? { SearchQuery.section(named: text).map { Self(name: $0) } }
    static func problem(_ text: String, option: String) -> Message {
        Message("\(option) “\(text)”: use commitments, objectives, review, themes, header or private",
                fr: "\(option) « \(text) » : utilisez commitments, objectives, review, themes, header ou private (ou engagements, objectifs, revue, thèmes, privé)")
    }
}
