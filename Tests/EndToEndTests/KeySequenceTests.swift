import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordHarness
import Testing

/// Every common byte sequence for Home, End, Insert, Delete, PgUp, PgDn,
/// F1–F12 and Alt-keys is understood whatever TERM says: fed raw through
/// tmux (`send-keys -H`) to `rundbord keys --try`, which shows each key as
/// rundbord understood it.
@Suite(.serialized, .enabled(if: TableScreenProcess.tmuxAvailable, "tmux is not installed: the end-to-end tests need it"))
struct KeySequenceTests {
    /// (bytes after ESC, the key's label).
    static let sequences: [(String, String)] = [
        ("[1~", "Home"), ("[7~", "Home"), ("[H", "Home"), ("OH", "Home"),
        ("[4~", "End"), ("[8~", "End"), ("[F", "End"), ("OF", "End"),
        ("[2~", "Insert"), ("[3~", "Delete"), ("[5~", "PgUp"), ("[6~", "PgDn"),
        ("[A", "↑"), ("OB", "↓"), ("[C", "→"), ("OD", "←"), ("[Z", "Shift-Tab"),
        ("OP", "F1"), ("OQ", "F2"), ("OR", "F3"), ("OS", "F4"),
        ("[11~", "F1"), ("[12~", "F2"), ("[13~", "F3"), ("[14~", "F4"),
        ("[[A", "F1"), ("[[E", "F5"),
        ("[15~", "F5"), ("[17~", "F6"), ("[18~", "F7"), ("[19~", "F8"), ("[20~", "F9"),
        ("[21~", "F10"), ("[23~", "F11"), ("[24~", "F12"),
        ("[1;5D", "Ctrl-←"), ("[1;3C", "Alt-→"),
        ("o", "Alt-o"), ("d", "Alt-d"), ("e", "Alt-e"),
    ]

    static func hex(_ s: String) -> [String] { s.utf8.map { String(format: "%02x", $0) } }

    @Test(arguments: ["xterm-256color", "screen", "vt100", "linux"])
    func everySequenceIsUnderstood(term: String) throws {
        try #require(TableScreenProcess.staleness == nil, "\(TableScreenProcess.staleness ?? "")")
        var env = TableScreenProcess.environment
        env["TERM"] = term
        let tmux = try Tmux(command: "exec " + TableScreenProcess.quote(Binary.rundbord) + " keys --try --lang en",
                            environment: env)
        defer { tmux.close() }
        #expect(try tmux.waitFor("Press a key").found)
        var typed: [String] = []
        for (n, (sequence, label)) in Self.sequences.enumerated() {
            try tmux.run(["send-keys", "-t", "main", "-H"] + Self.hex("\u{1B}" + sequence))
            let seen = try tmux.waitFor("Key no. \(n + 1): \(label)", timeout: 3)
            #expect(seen.found, "TERM=\(term): ESC \(sequence) should be \(label):\n\(seen.screen)")
            typed.append(label)
            if !seen.found { break }
        }
        // Nothing of a sequence was left over to be typed as text ("1~", "4~").
        let screen = try tmux.capture()
        #expect(!screen.contains("~") && !screen.contains("Key no. \(Self.sequences.count + 1)"), "\(screen)")
        try tmux.send("C-c")
        #expect(try tmux.waitForExit() != nil)
    }

    /// Esc then o, sent apart (a person, or a terminal whose Alt is not
    /// Meta), is Alt-o: the dashboard opens and no "o" is typed into the note.
    @Test func escThenALetterSentApartIsTheAltKey() throws {
        try #require(TableScreenProcess.staleness == nil, "\(TableScreenProcess.staleness ?? "")")
        let dir = TableScreenProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/e.rundbord"
        #expect(try rundbord(["new", file]).status == 0)
        var env = TableScreenProcess.environment
        env["TERM"] = "xterm-256color"
        let tmux = try Tmux(command: "exec " + TableScreenProcess.quote(Binary.rundbord) + " run " + TableScreenProcess.quote(file),
                            environment: env)
        defer { tmux.close() }
        #expect(try tmux.waitFor("Notater (0)").found)
        try tmux.run(["send-keys", "-t", "main", "-H", "1b"])
        Thread.sleep(forTimeInterval: 0.08)
        try tmux.type("o")
        let screen = try tmux.waitFor("Bord Princip")
        #expect(screen.found && !screen.screen.contains("› o"), "\(screen.screen)")
    }

    /// The table screen itself: Home and End move in the note instead of typing "1~" and "4~".
    @Test func homeAndEndMoveInTheNote() throws {
        try #require(TableScreenProcess.staleness == nil, "\(TableScreenProcess.staleness ?? "")")
        let dir = TableScreenProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/e.rundbord"
        #expect(try rundbord(["new", file]).status == 0)
        var env = TableScreenProcess.environment
        env["TERM"] = "xterm-256color"
        let tmux = try Tmux(command: "exec " + TableScreenProcess.quote(Binary.rundbord) + " run " + TableScreenProcess.quote(file),
                            environment: env)
        defer { tmux.close() }
        #expect(try tmux.waitFor("Notater (0)").found)
        try tmux.type("midt")
        try tmux.run(["send-keys", "-t", "main", "-H"] + Self.hex("\u{1B}[1~"))
        try tmux.type("start ")
        try tmux.run(["send-keys", "-t", "main", "-H"] + Self.hex("\u{1B}[4~"))
        try tmux.type(" slut")
        let screen = try tmux.waitFor("start midt slut")
        #expect(screen.found && !screen.screen.contains("~"), "\(screen.screen)")
    }
}
