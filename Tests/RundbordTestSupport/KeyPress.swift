import RundbordTUI

extension TableApp {
    /// Presses the key the key table binds to `command` on the screen or
    /// modal layer keys act on now, so tests say what they do (`app.press(.saveNote)`) and follow the
    /// table when a key changes.
    public func press(_ commands: Command..., file: StaticString = #filePath, line: UInt = #line) {
        for command in commands {
            let screen = AppUpdate.effectiveScreen(state)
            guard let key = KeyTable.key(for: command, on: screen) else {
                preconditionFailure("no key for \(command) on \(screen)", file: file, line: line)
            }
            send(keys: [key])
        }
    }
}

extension TestBackend {
    /// The top row: the header of every screen.
    public var header: String { lines.first ?? "" }
    /// The bottom row: the key bar.
    public var keyBar: String { lines.last ?? "" }
    /// The row the terminal cursor is on: the entry line or the field being typed in.
    public var cursorLine: String {
        guard let y = frame?.cursor?.y, y < lines.count else { return "" }
        return lines[y]
    }
}
