import RundbordTUI

extension Buffer {
    /// The frame as a snapshot records it: the text, then every run of cells
    /// that is not plain, row by row, with its colours and attributes, so a
    /// lost highlight or a wrong colour fails a snapshot as a wrong word does.
    /// Then the cursor, if it shows.
    public var styledText: String {
        var out = text + "\n--- styles (row: columns style) ---"
        for y in 0..<height {
            var runs: [String] = []
            var x = 0
            while x < width {
                let style = self[x, y].style
                var end = x
                while end + 1 < width && self[end + 1, y].style == style { end += 1 }
                if style != .plain { runs.append("\(x)-\(end) \(style.name)") }
                x = end + 1
            }
            if !runs.isEmpty { out += "\n\(y): " + runs.joined(separator: "; ") }
        }
        if let cursor { out += "\n--- cursor \(cursor.x),\(cursor.y) ---" }
        return out
    }
}

extension Style {
    /// "white/blue bold reverse", "dim", "cyan bold".
    public var name: String {
        var parts: [String] = []
        if fg != nil || bg != nil {
            parts.append((fg.map { "\($0)" } ?? "-") + (bg.map { "/\($0)" } ?? ""))
        }
        if bold { parts.append("bold") }
        if dim { parts.append("dim") }
        if underline { parts.append("underline") }
        if reverse { parts.append("reverse") }
        return parts.joined(separator: " ")
    }
}
