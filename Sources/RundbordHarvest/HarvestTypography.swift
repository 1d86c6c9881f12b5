import Foundation
import RundbordCore

/// The harvest's typography, shared by every format that renders the
/// document (Markdown, print text, mail, brief, PDF): long dates, lists of
/// table numbers, quotation marks, amounts, and the no-break space that keeps
/// "(bord 4)" on one line.
public enum HarvestTypography {
    /// A space no line wrap breaks at. The text wrapper treats it as part of
    /// a word; the print text shows it as an ordinary space after wrapping.
    public static let noBreakSpace: Character = "\u{00A0}"

    static let danishMonths = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                               "september", "oktober", "november", "december"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    /// "2024-11-06" → "6. november 2024" (da) / "6 November 2024" (en). A date
    /// that is not an ISO date is shown as the organiser wrote it.
    public static func longDate(_ date: String, _ lang: Language) -> String {
        let clean = Sanitize.line(date)
        let parts = clean.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day) else { return clean }
        switch lang {
        // "6. november" never starts a numbered list in the text wrapper, nor parts at a line end.
        case .da: return "\(day).\(noBreakSpace)\(danishMonths[month - 1]) \(year)"
        case .en: return "\(day)\(noBreakSpace)\(englishMonths[month - 1]) \(year)"
        }
    }

    /// "1", "1 og 3", "1, 2 og 4" (en: "1 and 3", "1, 2 and 4").
    public static func list(_ items: [String], _ lang: Language) -> String {
        lang.list(items)
    }

    /// Table numbers with their word, joined by no-break spaces so the label
    /// never parts from its number: "bord 1 og 3" / "tables 1 and 3".
    public static func tables(_ numbers: [Int], _ lang: Language) -> String {
        let nb = String(noBreakSpace)
        let word = lang == .da ? "bord" : (numbers.count == 1 ? "table" : "tables")
        return word + nb + list(numbers.map(String.init), lang).replacingOccurrences(of: " ", with: nb)
    }

    /// Nr. references: "nr. 1, 4 og 7" / "no. 1, 4 and 7", unbreakable after "nr.".
    public static func numbers(_ numbers: [Int], _ lang: Language) -> String {
        (lang == .da ? "nr." : "no.") + String(noBreakSpace) + list(numbers.map(String.init), lang)
    }

    /// A quotation as a reader expects it: »…« in Danish, “…” in English. A
    /// note written with its own quotation marks keeps its words and loses
    /// only the marks.
    public static func quote(_ text: String, _ lang: Language) -> String {
        var body = trimmed(Substring(text), newlines: true)
        let pairs: [(Character, Character)] = [("\"", "\""), ("“", "”"), ("»", "«"), ("«", "»"), ("„", "“"), ("'", "'")]
        let twoOrMore = !body.isEmpty && body.index(after: body.startIndex) < body.endIndex
        for (open, close) in pairs where twoOrMore && body.first == open && body.last == close {
            body = body.dropFirst().dropLast()
            break
        }
        let inner = trimmed(body, newlines: false)
        return lang == .da ? "»\(inner)«" : "“\(inner)”"
    }

    /// `text` without white space (`newlines`: and line breaks) at either end,
    /// as Foundation's `trimmingCharacters(in: .whitespaces / .whitespacesAndNewlines)`
    /// trims, by scalars and without Foundation (slow on Linux, and every quote goes through here).
    static func trimmed(_ text: Substring, newlines: Bool) -> Substring {
        func isSpace(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x20, 0x09: return true
            case 0x0A...0x0D, 0x85: return newlines
            case 0..<0x80: return false
            default:
                let category = u.properties.generalCategory
                return category == .spaceSeparator || (newlines && (category == .lineSeparator || category == .paragraphSeparator))
            }
        }
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        return Substring(scalars)
    }

    /// Whole kroner with thousands separators: "450.000 kr." / "DKK 450,000".
    public static func kroner(_ amount: Int, _ lang: Language) -> String {
        let digits = String(abs(amount))
        var grouped = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(lang == .da ? "." : ",") }
            grouped.append(c)
        }
        let sign = amount < 0 ? "-" : ""
        return lang == .da ? "\(sign)\(grouped) kr." : "DKK \(sign)\(grouped)"
    }

    /// "2 af 4" / "2 of 4": how many of the event's tables supported an initiative.
    public static func support(_ count: Int, of total: Int, _ lang: Language) -> String {
        let nb = String(noBreakSpace)
        return "\(count)\(nb)\(lang == .da ? "af" : "of")\(nb)\(total)"
    }
}
