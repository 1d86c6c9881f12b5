import Foundation
import RundbordCore

/// Pango markup built from user text: the text is only ever text.
enum Markup {
    /// User text escaped for Pango markup, controls removed (tabs become spaces).
    static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in Sanitize.multiline(s).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One line of user text (names, titles), escaped.
    static func line(_ s: String) -> String { text(Sanitize.line(s)) }
    static func bold(_ markup: String) -> String { "<b>" + markup + "</b>" }
    static func italic(_ markup: String) -> String { "<i>" + markup + "</i>" }
    static func gray(_ markup: String) -> String { "<span foreground=\"#555555\">" + markup + "</span>" }
    static func link(_ markup: String) -> String { "<span foreground=\"#1a4f9c\" underline=\"single\">" + markup + "</span>" }
}
