import RundbordCore

/// Text layout helpers measured in display columns.
public enum TextLayout {
    /// Wraps `text` into lines of at most `width` columns, breaking at spaces
    /// when possible; explicit newlines start a new line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        TextWrap.lines(text, width: width)
    }

    /// Multi-line user text made safe to draw: each line's control characters
    /// become visible symbols, the newlines between lines stay newlines.
    public static func visibleLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Sanitize.forTerminal(String($0)) }.joined(separator: "\n")
    }

    /// `text` cut to `width` columns, ending in "…" when cut.
    public static func truncate(_ text: String, width: Int) -> String { DisplayWidth.truncate(text, width: width) }

    /// Pads with spaces to `width` columns (or truncates).
    public static func pad(_ text: String, width: Int) -> String {
        let t = truncate(text, width: width)
        return t + String(repeating: " ", count: max(0, width - DisplayWidth.of(t)))
    }
}
