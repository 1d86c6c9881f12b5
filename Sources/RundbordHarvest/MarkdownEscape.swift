import Foundation
import RundbordCore

/// Escapes user text for CommonMark so that it is only ever text: whatever a
/// note contains, it cannot start a heading, a list, a code block, a link,
/// emphasis, raw HTML or an entity, nor end the block it sits in.
public enum MarkdownEscape {
    /// Characters with inline meaning anywhere in a line. `|` and `~` mean
    /// nothing in CommonMark but are tables and strikethrough in GitHub's
    /// dialect, where the export is often pasted.
    static func isInlineSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "#"),
             UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Text on one line (headings, names, list items that must stay one line):
    /// line breaks become spaces.
    public static func inline(_ text: String) -> String {
        escapeLine(Sanitize.line(text))
    }

    /// Text that may span lines (a note, next steps): each line is escaped,
    /// blank lines are dropped (a blank line would end the list item or
    /// paragraph) and lines are joined with a hard line break (a backslash at
    /// the end of the line) and an indent, which keeps them inside the
    /// paragraph whatever block holds it.
    public static func block(_ text: String) -> String {
        lines(text).map(escapeLine).joined(separator: "\\\n    ")
    }

    /// Separate paragraphs for the organiser's longer texts (next steps): blank
    /// lines in the text become paragraph breaks, other line breaks hard breaks.
    public static func paragraphs(_ text: String) -> [String] {
        Sanitize.multiline(text).lineParts.map(String.init)
            .split(whereSeparator: { $0.trimmingCharacters(in: .whitespaces).isEmpty })
            .map { block($0.joined(separator: "\n")) }
    }

    /// The non-blank lines of `text`, trimmed, controls removed.
    static func lines(_ text: String) -> [String] {
        Sanitize.multiline(text).lineParts.map(String.init)
            .map { Sanitize.line($0) }
            .filter { !$0.isEmpty }
    }

    /// Escapes one line that has no line breaks and no leading or trailing spaces.
    static func escapeLine(_ line: String) -> String {
        // Every character escaped is ASCII, and a UTF-8 byte below 0x80 is
        // always a whole ASCII character: walking bytes is exact, and a line
        // with nothing to escape (most notes) is returned as it is.
        let bytes = line.utf8
        var out: [UInt8] = []
        var leadingDigits = true
        for (i, byte) in bytes.enumerated() {
            defer { leadingDigits = leadingDigits && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            let escaped = isInlineSpecial(byte)
                // At the start of a line these begin a list, a heading underline,
                // a thematic break or a block quote; escaping the first character
                // is enough to make the line plain paragraph text.
                || (i == 0 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "=")))
                // "1." or "1)" at the start of a line begins an ordered list
                // (while the digits lead, a byte's offset is its character's).
                || ((byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")")) && i > 0 && i <= 9 && leadingDigits)
            if escaped {
                if out.isEmpty {
                    out.reserveCapacity(bytes.count + 16)
                    out.append(contentsOf: bytes.prefix(i))
                }
                out.append(UInt8(ascii: "\\"))
            }
            if !out.isEmpty { out.append(byte) }
        }
        return out.isEmpty ? line : String(decoding: out, as: UTF8.self)
    }

    /// The Markdown as a person reads its source on the harvest screen: a
    /// backslash escape shows as the character it escapes ("6\\. november" as
    /// "6. november"), and a hard line break's backslash is left out.
    public static func forReading(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "\n") { i += 1; continue }
                // CommonMark escapes ASCII punctuation only.
                if (0x21...0x2F).contains(next) || (0x3A...0x40).contains(next) || (0x5B...0x60).contains(next)
                    || (0x7B...0x7E).contains(next) {
                    out.append(next)
                    i += 2
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A link destination in angle brackets, or nil when the URL is not an
    /// http(s) or mailto link (a `javascript:` link is shown as text, not linked).
    public static func destination(_ url: String) -> String? {
        let clean = Sanitize.line(url)
        let lower = clean.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return nil }
        var out = ""
        for scalar in clean.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "\\": out += "%5C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return "<" + out + ">"
    }
}

extension EventLink {
    /// An http(s) URL with a host, or a mailto: link with a valid address:
    /// the links a harvest may show as links (see `MarkdownEscape.destination`).
    /// The command line and the curation screen check links alike.
    public static func isValid(_ text: String) -> Bool {
        guard MarkdownEscape.destination(text) != nil, !text.contains(" "), let url = URL(string: text) else { return false }
        if url.scheme?.lowercased() == "mailto" { return EmailAddress.isValid(String(text.dropFirst("mailto:".count))) }
        return !(url.host ?? "").isEmpty
    }
}
