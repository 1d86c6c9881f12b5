/// A table of text for a terminal or a pipe: the first row is the heading.
/// A column whose cells are all numbers, clock times or "-" is right-aligned,
/// heading included, so the numbers line up under it; every other column is
/// left-aligned under its heading. Widths are display widths (æ, ø, å, wide
/// characters), and no line ends in spaces.
public enum TextTable {
    public static func render(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        let body = rows.dropFirst()
        let right = (0..<columns).map { i in
            i > 0 && body.contains { i < $0.count } && body.allSatisfy { i >= $0.count || isNumeric($0[i]) }
        }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
                if i > 0 { line += "  " }
                line += right[i] ? pad + cell : cell + pad
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// "12", "-3", "15:00", "-1:05", "04:33:00", "3/5" or "-".
    static func isNumeric(_ cell: String) -> Bool {
        !cell.isEmpty && cell.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ":" || $0 == "-" || $0 == "/") }
    }
}
