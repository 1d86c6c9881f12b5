import Foundation
import Mustache
import RundbordCore

/// A list in a template's context whose elements are made when the
/// template renders them, one at a time, and let go after: the principles'
/// sections, the tables' appendix, the notes and initiatives in them
/// (issue #16: boxed whole, the context of a 200,000-note harvest took
/// more than a gigabyte).
struct ContextList: Sequence, MustacheSequence {
    let count: Int
    let element: (Int) -> Any

    init(count: Int, _ element: @escaping (Int) -> Any) {
        self.count = count; self.element = element
    }

    init<T>(_ items: [T], _ transform: @escaping (T) -> Any) {
        self.init(count: items.count) { transform(items[$0]) }
    }

    func makeIterator() -> AnyIterator<Any> {
        var i = 0
        return AnyIterator {
            guard i < count else { return nil }
            defer { i += 1 }
            return element(i)
        }
    }
}

/// The first error met while a context list made its elements (read from
/// the store), which a template cannot report: checked after rendering.
final class ContextFailure {
    var error: RundbordError?

    func check() throws(RundbordError) {
        if let error { throw error }
    }
}

/// An element of a list over the context it is rendered in, looked up as
/// Mustache looks a name up in its stack: the element first, then the rest.
struct StackedContext: MustacheParent {
    let top: Any
    let below: Any

    func child(named name: String) -> Any? {
        Self.child(of: top, name) ?? Self.child(of: below, name)
    }

    static func child(of object: Any, _ name: String) -> Any? {
        (object as? MustacheParent)?.child(named: name)
    }
}

/// A template cut into pieces that render, in order, the same text as the
/// whole: Mustache renders a section whole into one string, so a section
/// over a long list, cut out, can instead be rendered an element at a
/// time, each element's text given away before the next element is made
/// (`HarvestTemplates.render(emit:)`); and inside an element, its own
/// lists the same way. The text of a large harvest is never whole.
///
/// A section is cut out only where that cannot change the text: its open
/// and close tags stand alone on their lines (Mustache drops such lines
/// whole, so the pieces around begin and end at line starts) and nothing
/// inside it looks at the list itself (`{{.}}`, `.name`, `first()` and
/// other position functions). A variable alone on its line is cut out too
/// (`{{fundingTable}}`, given line by line). What a section stands for is
/// only known when it is rendered: a list made as it is rendered
/// (`ContextList`) is rendered an element at a time, a true-or-false value
/// decides whether the pieces render, and anything else renders the
/// section whole, as Mustache would. A template that changes its
/// delimiters is not cut.
struct TemplateCut {
    indirect enum Piece: Equatable {
        case text(String)
        /// `{{#name}}` (or `{{^name}}`) alone on its line, its inside, and the inside cut in turn.
        case section(name: String, inverted: Bool, inner: String, pieces: [Piece])
        /// `{{name}}` alone on its line.
        case line(name: String)
    }

    let pieces: [Piece]

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        let n = bytes.count
        let open: [UInt8] = Array("{{".utf8)
        func at(_ i: Int, _ pattern: [UInt8]) -> Bool {
            i + pattern.count <= n && Array(bytes[i..<i + pattern.count]) == pattern
        }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        /// Where the line of `i` starts, if only blanks stand before `i` on it.
        func lineStart(alone i: Int) -> Int? {
            var k = i
            while k > 0, isBlank(bytes[k - 1]) { k -= 1 }
            return k == 0 || bytes[k - 1] == UInt8(ascii: "\n") ? k : nil
        }
        /// Where the next line starts, if only blanks follow `i` on its line (or the text ends).
        func lineEnd(alone i: Int, endOfText: Bool) -> Int? {
            var k = i
            while k < n, isBlank(bytes[k]) { k += 1 }
            if k == n { return endOfText ? n : nil }
            if bytes[k] == UInt8(ascii: "\n") { return k + 1 }
            if bytes[k] == UInt8(ascii: "\r"), k + 1 < n, bytes[k + 1] == UInt8(ascii: "\n") { return k + 2 }
            return nil
        }
        var pieces: [Piece] = []
        var depth = 0
        var pieceStart = 0
        // The section open at the top level, if it stands alone on its line:
        // its name, whether inverted, where its line starts and where its inside starts.
        var open0: (name: String, inverted: Bool, lineStart: Int, inner: Int)?
        var i = 0
        while i < n {
            guard at(i, open) else { i += 1; continue }
            let triple = i + 2 < n && bytes[i + 2] == UInt8(ascii: "{")
            let close: [UInt8] = Array((triple ? "}}}" : "}}").utf8)
            var end = i + 2
            while end < n, !at(end, close) { end += 1 }
            guard end < n else { return nil }
            let content = string(i + 2 + (triple ? 1 : 0)..<end).trimmingCharacters(in: .whitespaces)
            let after = end + close.count
            let sigil = content.first
            let name = String(content.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "=":
                return nil
            case "#", "^", "$", "<":
                if depth == 0 {
                    open0 = nil
                    if sigil == "#" || sigil == "^", let start = lineStart(alone: i),
                       let inner = lineEnd(alone: after, endOfText: false) {
                        open0 = (name, sigil == "^", start, inner)
                    }
                }
                depth += 1
            case "/":
                depth -= 1
                if depth < 0 { return nil }
                if depth == 0, let section = open0 {
                    open0 = nil
                    guard name == section.name, let start = lineStart(alone: i), start >= section.inner,
                          let next = lineEnd(alone: after, endOfText: true) else { break }
                    let inner = string(section.inner..<start)
                    // What would look at the list or its position, not at an element: not cut.
                    if inner.contains("()") || inner.contains("{{.") || inner.contains("{{ .") || inner.contains("{{{.")
                        || inner.contains("{{&.") || inner.contains("{{& .") {
                        break
                    }
                    pieces.append(.text(string(pieceStart..<section.lineStart)))
                    pieces.append(.section(name: section.name, inverted: section.inverted, inner: inner,
                                           pieces: TemplateCut(inner)?.pieces ?? [.text(inner)]))
                    pieceStart = next
                }
            case ">", "!", "%", "&", "{":
                break
            default:
                // A variable alone on its line, with nothing around it.
                if depth == 0, !triple, !content.isEmpty, !content.contains("."), !content.contains("("),
                   !content.contains(" "), i == 0 || bytes[i - 1] == UInt8(ascii: "\n"),
                   after < n, bytes[after] == UInt8(ascii: "\n") {
                    pieces.append(.text(string(pieceStart..<i)))
                    pieces.append(.line(name: content))
                    pieceStart = after + 1
                }
            }
            i = after
        }
        guard depth == 0 else { return nil }
        pieces.append(.text(string(pieceStart..<n)))
        self.pieces = pieces
    }
}

/// Lines of text given to a template as one value (`{{fundingTable}}`),
/// made one at a time where the template is cut there (`TemplateCut`),
/// and joined where it is not.
struct TemplateLines: MustacheCustomRenderable, CustomStringConvertible {
    let forEach: ((String) throws(RundbordError) -> Void) throws(RundbordError) -> Void

    var renderText: String { description }
    var isNull: Bool { false }

    var description: String {
        var lines: [String] = []
        try? forEach { lines.append($0) }
        return lines.joined(separator: "\n")
    }
}

/// Lines of template output made tidy as they come, in pieces: no trailing
/// spaces, at most one blank line in a row, none at the start or the end
/// (`Exporter.tidy`). Each line is handed on once it is known to stand (a
/// blank line only when a line follows it); the lines are those of the
/// whole text, wherever the pieces were cut.
struct TidyLines {
    private var pending: [UInt8] = []
    private var blankPending = false
    /// Whether a line has been handed on.
    private(set) var wroteAny = false

    /// More text; its lines are handed to `line` as far as their end has come.
    mutating func feed<E: Error>(_ text: String, _ line: (String) throws(E) -> Void) throws(E) {
        pending.append(contentsOf: text.utf8)
        guard let last = pending.lastIndex(of: UInt8(ascii: "\n")) else { return }
        // Up to the last line break (a CRLF taken whole): the text after it goes on in the next piece.
        let cut = last > 0 && pending[last - 1] == UInt8(ascii: "\r") ? last - 1 : last
        let whole = String(decoding: pending[..<cut], as: UTF8.self)
        pending.removeSubrange(...last)
        try take(whole, line)
    }

    /// The end of the text.
    mutating func finish<E: Error>(_ line: (String) throws(E) -> Void) throws(E) {
        let rest = String(decoding: pending, as: UTF8.self)
        pending = []
        try take(rest, line)
    }

    private mutating func take<E: Error>(_ text: String, _ line: (String) throws(E) -> Void) throws(E) {
        for part in text.lineParts {
            let trimmed = TextLayout.trimTrailing(String(part))
            if trimmed.isEmpty {
                blankPending = wroteAny
                continue
            }
            if blankPending { try line("") }
            blankPending = false
            try line(trimmed)
            wroteAny = true
        }
    }
}
