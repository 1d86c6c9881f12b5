import RundbordCore

/// The text being typed, edited by grapheme cluster (never by byte or scalar):
/// Backspace removes "å" or "👍🏽" whole, and a combining mark typed after its
/// base joins it.
public struct LineEditor: Sendable, Equatable {
    public private(set) var characters: [Character] = []
    /// Cursor position as an index into `characters` (0...count).
    public private(set) var cursor = 0

    public init(_ text: String = "") { set(text) }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }
    /// True when there is nothing but white space.
    public var isBlank: Bool { characters.allSatisfy { $0.isWhitespace } }

    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    public mutating func clear() { set("") }

    /// Inserts at the cursor. Rebuilt through String so that a combining mark
    /// merges with the character before it, as the terminal shows it.
    public mutating func insert(_ s: String) {
        let before = String(characters[..<cursor]) + s
        let after = String(characters[cursor...])
        let merged = Array(before + after)
        // The cursor stays after what was inserted; a cluster merged across
        // the boundary counts as inserted.
        cursor = min(merged.count, before.count)
        characters = merged
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(characters.count, cursor + 1) }

    /// Home and End (and Ctrl-A/Ctrl-E) go to the start or end of the current
    /// line of a multi-line note; pressed again there, to the start or end of all.
    public mutating func home() {
        let start = lineStart(cursor)
        cursor = start == cursor ? 0 : start
    }
    public mutating func end() {
        let stop = lineEnd(cursor)
        cursor = stop == cursor ? characters.count : stop
    }

    private func lineStart(_ i: Int) -> Int {
        var j = i
        while j > 0 && characters[j - 1] != "\n" { j -= 1 }
        return j
    }
    private func lineEnd(_ i: Int) -> Int {
        var j = i
        while j < characters.count && characters[j] != "\n" { j += 1 }
        return j
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "'" }

    public mutating func wordLeft() { cursor = previousWordStart(cursor) }
    public mutating func wordRight() {
        var j = cursor
        while j < characters.count && !Self.isWordCharacter(characters[j]) { j += 1 }
        while j < characters.count && Self.isWordCharacter(characters[j]) { j += 1 }
        cursor = j
    }

    private func previousWordStart(_ i: Int) -> Int {
        var j = i
        while j > 0 && !Self.isWordCharacter(characters[j - 1]) { j -= 1 }
        while j > 0 && Self.isWordCharacter(characters[j - 1]) { j -= 1 }
        return j
    }

    /// Ctrl-W: removes the word before the cursor (and the spaces after it).
    public mutating func deleteWordBackward() {
        let start = previousWordStart(cursor)
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Ctrl-U: removes everything before the cursor.
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Ctrl-K: removes everything after the cursor.
    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor..<characters.count)
    }

    /// The visual layout of the text in `width` columns: rows of text (hard
    /// newlines, and soft wraps at the last space that fits, else by column)
    /// and the cursor's row and column. The last column stays free for the cursor.
    public func layout(width: Int) -> (rows: [String], cursorRow: Int, cursorColumn: Int) {
        guard width > 1 else { return ([""], 0, 0) }
        typealias Piece = (index: Int, character: Character, width: Int)
        var rows: [[Piece]] = [[]]
        var used = 0
        for (i, ch) in characters.enumerated() {
            if ch == "\n" {
                rows[rows.count - 1].append((i, ch, 0))
                rows.append([]); used = 0
                continue
            }
            let w = max(1, DisplayWidth.of(Sanitize.forTerminal(String(ch))))
            if used + w > width - 1 {
                var row = rows[rows.count - 1]
                // Carry the word being typed over to the next row when a space came before it.
                if let space = row.lastIndex(where: { $0.character == " " }), space + 1 < row.count {
                    let carried = Array(row[(space + 1)...])
                    row.removeSubrange((space + 1)...)
                    rows[rows.count - 1] = row
                    rows.append(carried)
                } else {
                    rows.append([])
                }
                used = rows[rows.count - 1].reduce(0) { $0 + $1.width }
            }
            rows[rows.count - 1].append((i, ch, w))
            used += w
        }
        var cursorRow = rows.count - 1
        var cursorColumn = rows[cursorRow].reduce(0) { $0 + $1.width }
        if let r = rows.firstIndex(where: { $0.contains { $0.index == cursor } }) {
            cursorRow = r
            cursorColumn = rows[r].prefix { $0.index < cursor }.reduce(0) { $0 + $1.width }
        }
        let text = rows.map { String($0.filter { $0.character != "\n" }.map(\.character)) }
        return (text, cursorRow, cursorColumn)
    }
}
