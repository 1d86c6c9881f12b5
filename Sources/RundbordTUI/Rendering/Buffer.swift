import RundbordCore

/// The colours a screen may ask for. A monochrome terminal (or NO_COLOR)
/// ignores them, so every meaning is also carried by an attribute.
public enum Color: UInt8, Sendable, Equatable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. `reverse` is the monochrome highlight: a colour
/// terminal shows a style that has a background colour in that colour instead.
public struct Style: Sendable, Equatable {
    public var fg: Color?
    public var bg: Color?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(fg: Color? = nil, bg: Color? = nil, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.reverse = reverse
        self.underline = underline; self.dim = dim
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let dim = Style(dim: true)
}

/// One terminal cell: a grapheme cluster of display width 1 or 2, or the
/// continuation half of the wide cluster to its left (empty `text`).
public struct Cell: Sendable, Equatable {
    public var text: String
    public var style: Style
    public init(_ text: String = " ", style: Style = .plain) { self.text = text; self.style = style }
    public var isContinuation: Bool { text.isEmpty }
    public static let blank = Cell()
}

public struct Size: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

public struct Rect: Sendable, Equatable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxY: Int { y + height }
}

/// A whole frame in memory. Screens draw into it; the backend hands it to the
/// terminal. Every string goes through `Sanitize.forTerminal`, so no control
/// character of user text can reach the terminal raw.
public struct Buffer: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should blink (the entry line), if anywhere.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY = 0

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width) * max(0, size.height))
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func row(_ y: Int) -> ArraySlice<Cell> { cells[(y * width)..<((y + 1) * width)] }

    /// Writes `text` at (x, y), at most `limit` columns (default: to the right
    /// edge); returns the columns used. A wide character that does not fit is
    /// left out rather than split.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var col = x
        let clean = Sanitize.forTerminal(text)
        // Most text (Danish too) is scalars of one column each that never
        // combine: put them without grapheme breaking, which costs more than
        // the rest of a frame's drawing.
        if clean.unicodeScalars.allSatisfy({ DisplayWidth.isSimple($0.value) }) {
            for scalar in clean.unicodeScalars {
                if col + 1 > end { break }
                if col >= 0 {
                    clearWide(at: col, y: y)
                    self[col, y] = Cell(String(Character(scalar)), style: style)
                }
                col += 1
            }
            return col - x
        }
        for ch in clean {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue } // a stray zero-width cluster has nothing to show
            if col + w > end { break }
            if col >= 0 {
                clearWide(at: col, y: y)
                self[col, y] = Cell(String(ch), style: style)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    self[col + 1, y] = Cell("", style: style)
                }
            }
            col += w
        }
        return col - x
    }

    /// Fills a rectangle with blanks of `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.x + rect.width) { self[x, y] = Cell(" ", style: style) }
        }
    }

    /// Changes the style of cells without touching their text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.x + rect.width) { change(&cells[y * width + x].style) }
        }
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearWide(at x: Int, y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if !cell.isContinuation, x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
    }

    /// The frame as plain text lines, trailing blanks trimmed: what a test or
    /// a snapshot compares.
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for cell in row(y) where !cell.isContinuation { s += cell.text }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
    }

    public var text: String { lines.joined(separator: "\n") }

    public static func == (a: Buffer, b: Buffer) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }
}
