import Foundation
import RundbordCore

/// The mail's body as `format=flowed` text (RFC 3676, DelSp=No): paragraphs
/// wrapped at spaces to the mail width, each wrapped line ending in a space
/// (a soft break, which mail programs that know the format join again), and
/// a word never split: a link longer than the line stays whole on a line of
/// its own, so it is never broken, whatever program shows it.
public enum MailFlow {
    /// The wrapped lines (no line ends) of the template's output `text`.
    /// A user's line break inside a value (`TextLayout.softBreak`) is a hard
    /// break; a line of three or more `-` or `=` is a rule across the width.
    public static func lines(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        for logical in text.lineParts.map(String.init) {
            for part in logical.split(separator: TextLayout.softBreak, omittingEmptySubsequences: false) {
                let line = TextLayout.trimTrailing(String(part))
                if TextLayout.isRule(line) {
                    out.append(String(repeating: line.first!, count: width))
                    continue
                }
                out += wrap(line, width: width)
            }
        }
        return out.map(stuffed)
    }

    /// One hard line wrapped at spaces; every line but the last ends in the
    /// soft break's space. No-break spaces keep "(bord 4)" together and are
    /// written as ordinary spaces.
    static func wrap(_ line: String, width: Int) -> [String] {
        let lead = String(line.prefix { $0 == " " })
        let words = line.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return [""] }
        var out: [String] = []
        var current = lead + words[0]
        var currentWidth = DisplayWidth.of(current)
        for word in words.dropFirst() {
            let w = DisplayWidth.of(word)
            if currentWidth + 1 + w <= width {
                current += " " + word
                currentWidth += 1 + w
            } else {
                out.append(current + " ")
                current = word
                currentWidth = w
            }
        }
        out.append(current)
        let nbsp = String(HarvestTypography.noBreakSpace)
        var lines = out.map { $0.replacingOccurrences(of: nbsp, with: " ") }
        lines[lines.count - 1] = TextLayout.trimTrailing(lines[lines.count - 1])
        return lines
    }

    /// Space-stuffing (RFC 3676 §4.4): a line that starts with a space, ">"
    /// or "From " gets one more space in front, which the reader removes.
    static func stuffed(_ line: String) -> String {
        line.hasPrefix(" ") || line.hasPrefix(">") || line.hasPrefix("From ") ? " " + line : line
    }

    /// The text a reader of the flowed body sees: space-stuffing removed and
    /// soft-broken lines joined (what the tests compare against).
    public static func unflowed(_ body: String) -> String {
        var out: [String] = []
        var joining = false
        for raw in body.lineParts.map(String.init) {
            let line = raw.hasPrefix(" ") ? String(raw.dropFirst()) : raw
            if joining { out[out.count - 1] += line } else { out.append(line) }
            joining = line.hasSuffix(" ") && line != " "
        }
        return out.joined(separator: "\n")
    }
}
