import Foundation
import RundbordTestSupport
import RundbordCore
import RundbordHarness
import RundbordStore
import RundbordTemplates
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The hostile corpus kept as test data in Tests/Fixtures/adversarial.json
/// (the same file the store's tests read).
struct HostileCorpus: Decodable {
    let notes: [String]
    let names: [String]
    let addresses: [String]

    static func load() throws -> HostileCorpus {
        let url = Binary.repoRoot.appendingPathComponent("Tests/Fixtures/adversarial.json")
        return try JSONDecoder().decode(HostileCorpus.self, from: Data(contentsOf: url))
    }

    /// A 100 KB paste: Danish prose with newlines, as one note.
    static let bigPaste: String = {
        let paragraph = "Vi vil købe ind med hjerne og hjerte – som borgere, virksomheder og som kommune. ÆØÅ æøå.\n"
        return String(repeating: paragraph, count: 100_000 / paragraph.utf8.count + 1)
    }()

    /// Whether a person could type `text` (no control characters, one line); otherwise it is pasted.
    static func isTypeable(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}

/// What the program wrote to the terminal, searched for escape sequences that
/// could only have come from user text. ncurses itself writes CSI sequences
/// (ESC [ …), charset selections (ESC ( B), keypad modes (ESC = / ESC >) and
/// CR/LF/BS for cursor motion, in valid UTF-8; it never writes an OSC, DCS,
/// APC, PM or SOS string, a C1 control, or BEL (rundbord never beeps).
enum TerminalStream {
    /// Exact byte strings from the corpus (with the text around them, so
    /// that a sequence ncurses could also write is only found when it came
    /// from a note or a name).
    static let payloads: [String] = [
        "\u{1B}]0;pwned", "\u{1B}]52;c;", "\u{1B}[201~", "\u{1B}[200~",
        "\u{1B}[2J\u{1B}[H and", "\u{1B}[31mRØD", "\u{1B}[31mcolour",
        "NUL\u{0}", "BEL\u{7}", "BS\u{8}", "VT\u{B}", "FF\u{C}", "SO\u{E}", "DEL\u{7F}",
        "Carriage\rreturn", "\u{202E}evil", "\u{9B}31m", "\u{9D}0;x",
    ]

    /// Each problem found in `data`, described; empty when the stream is clean.
    static func problems(in data: Data) -> [String] {
        let bytes = [UInt8](data)
        var found: [String] = []
        for payload in payloads where data.range(of: Data(payload.utf8)) != nil {
            found.append("payload \(payload.debugDescription)")
        }
        // String introducers: ESC ] (OSC), ESC P (DCS), ESC _ (APC), ESC ^ (PM), ESC X (SOS).
        for (i, byte) in bytes.enumerated().dropLast() where byte == 0x1B {
            let next = bytes[i + 1]
            if [0x5D, 0x50, 0x5F, 0x5E, 0x58].contains(next) {
                found.append("string introducer ESC \(Character(Unicode.Scalar(next))) at \(i)")
            }
        }
        if let bel = bytes.firstIndex(of: 0x07) { found.append("BEL at \(bel)") }
        // C1 controls as UTF-8 (C2 80…C2 9F), and bytes that are not UTF-8 at all (a lone 0x9B is CSI to some terminals).
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            guard length > 0, i + length <= bytes.count,
                  bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) else {
                found.append(String(format: "byte 0x%02X at %d is not UTF-8", b, i))
                i += 1
                continue
            }
            if b == 0xC2 && bytes[i + 1] <= 0x9F { found.append(String(format: "C1 control U+%04X at %d", Int(bytes[i + 1]), i)) }
            i += length
        }
        return found
    }
}

@Suite(.serialized, .enabled(if: TableScreenProcess.tmuxAvailable, "tmux is not installed: the end-to-end tests need it"))
struct ReliabilityAdversarialTests {
    let directory = TableScreenProcess.temporaryDirectory()
    var file: String { directory + "/hostile.rundbord" }
    let q = TableScreenProcess.quote

    /// The check finds what it looks for: the corpus written raw to a pane by printf.
    @Test(.timeLimit(.minutes(5)))
    func theStreamCheckFindsHostileTextWrittenRaw() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = try HostileCorpus.load()
        let raw = directory + "/raw.txt", captured = directory + "/captured.bin"
        try Data((corpus.notes + corpus.names).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: raw))
        let tmux = try Tmux(command: "read go; printf '%s' \"$(cat \(q(raw)))\"; echo; echo done; sleep 30",
                            environment: TableScreenProcess.environment)
        defer { tmux.close() }
        try tmux.pipeOutput(to: captured)
        try tmux.send("Enter")
        #expect(try tmux.waitFor("done").found)
        try tmux.stopPipe()
        let problems = TerminalStream.problems(in: try Data(contentsOf: URL(fileURLWithPath: captured)))
        for expected in ["payload \"\\u{1B}]0;pwned\"", "payload \"\\u{1B}[201~\"", "string introducer ESC ]",
                         "BEL at", "C1 control U+009B", "payload \"\\u{1B}[31mRØD\"", "payload \"DEL\\u{7F}\""] {
            #expect(problems.contains { $0.hasPrefix(expected) }, "\(expected) not found: \(problems)")
        }
        #expect(problems.count >= 10, "\(problems)")
    }
}

extension ReliabilityAdversarialTests {
    /// Every hostile note pasted or typed into the real screen, hostile names
    /// added from the command line and credited in the screen, and a 100 KB
    /// paste: nothing from user text reaches the terminal as an escape
    /// sequence, the program lives, and every export keeps its structure for
    /// its real consumer.
    @Test(.timeLimit(.minutes(5)))
    func hostileTextThroughTheScreenNeverReachesTheTerminalAndExportsKeepTheirStructure() throws {
        try #require(TableScreenProcess.staleness == nil, "\(TableScreenProcess.staleness ?? "")")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = try HostileCorpus.load()
        #expect(try rundbord(["new", file, "--tables", "2"]).status == 0)
        // The sender's name is hostile too (it goes into From:).
        let sender = try rundbord(["event", file, "--sender-email", "okf@example.dk", "--sender-name", corpus.names[0]])
        #expect(sender.status == 0, "\(sender.stderr)")

        // Hostile names from the command line (argv cannot hold NUL: that one is cut there).
        var added: [String] = []
        for (i, name) in corpus.names.enumerated() {
            let argName = String(name.prefix { $0 != "\u{0}" })
            let r = try rundbord(["participants", "add", file, "--name", argName, "--email", "p\(i)@example.dk",
                                  "--org", name.contains("\"") ? "Org \"x\"" : "", "--table", "1", "--named"])
            #expect(r.status == 0, "\(name.debugDescription): \(r.stderr)")
            added.append("p\(i)@example.dk")
        }
        // Hostile addresses are refused, nothing added.
        for address in corpus.addresses {
            let r = try rundbord(["participants", "add", file, "--name", "Adresse", "--email", address, "--table", "1"])
            #expect(r.status == 65, "\(address.debugDescription) was accepted")
        }
        #expect(try EventStore.open(path: file, readOnly: true).participants().count == corpus.names.count)

        let stream = directory + "/terminal.bin"
        let tmux = try Tmux(command: "read go; \(q(Binary.rundbord)) run \(q(file)) --table 1; echo \"rc=$?\"; sleep 30",
                            environment: TableScreenProcess.environment)
        defer { tmux.close() }
        try tmux.pipeOutput(to: stream)
        try tmux.send("Enter")
        #expect(try tmux.waitFor("Notater (0)").found)

        // Filters in the speaker picker that find each hostile participant.
        let credits = ["Åse Ørsted", "Evil", "Quoted", "HYPERLINK", "Ærlige", "colour"]
        var expectedCount = 0
        for (i, note) in (corpus.notes + [HostileCorpus.bigPaste]).enumerated() {
            if i < credits.count {
                try tmux.send("C-o")
                #expect(try tmux.waitFor("Hvem sagde det?").found)
                try tmux.type(credits[i])
                try tmux.send("Enter")
                // The prompt names the speaker (drawn cleaned) before the note is typed.
                let prompt = try tmux.waitFor(timeout: 5) { !$0.contains("Hvem sagde det?") && $0.contains("Pointe (") }
                #expect(prompt.contains("Pointe ("), "\(credits[i]) was not credited:\n\(prompt)")
            }
            if note == HostileCorpus.bigPaste {
                // Too long for one tmux command line: loaded from a file.
                let pasteFile = directory + "/paste.txt"
                try Data(note.utf8).write(to: URL(fileURLWithPath: pasteFile))
                try tmux.run(["load-buffer", "-b", "big", pasteFile])
                try tmux.run(["paste-buffer", "-p", "-d", "-b", "big", "-t", "main"])
            } else if HostileCorpus.isTypeable(note) {
                try tmux.type(note)
            } else {
                try tmux.paste(note)
            }
            try tmux.send("Enter")
            expectedCount += 1
            let saved = try tmux.waitFor(timeout: 20) { $0.contains("Notater (\(expectedCount))") && $0.contains("✓ Gemt") }
            #expect(saved.contains("Notater (\(expectedCount))"), "note \(i) \(note.prefix(60).debugDescription) not saved:\n\(saved)")
            #expect(!saved.contains("rc="), "the program ended after note \(i)")
        }
        let screen = try tmux.capture()
        #expect(screen.contains("Vi vil købe ind med hjerne og hjerte"), "\(screen)")
        #expect(!screen.contains("rc="), "the program is not running")
        // Ctrl-Q (one byte: under load an F10 escape sequence can arrive split and be read as Esc).
        try tmux.send("C-q")
        let done = try tmux.waitFor("rc=", timeout: 20)
        #expect(done.screen.contains("rc=0"), "Ctrl-Q ends the program normally:\n\(done.screen)")
        // Everything the program wrote has passed through the pipe when the shell's line after it has.
        let piped = Date().addingTimeInterval(5)
        while (try? Data(contentsOf: URL(fileURLWithPath: stream)))?.range(of: Data("rc=".utf8)) == nil && Date() < piped { usleep(20_000) }
        try tmux.stopPipe()

        let raw = try Data(contentsOf: URL(fileURLWithPath: stream))
        // The capture saw the run (the user text was drawn), and nothing in it came through raw.
        #expect(raw.range(of: Data("Not a heading".utf8)) != nil)
        #expect(raw.count > 10_000)
        let problems = TerminalStream.problems(in: raw)
        #expect(problems.isEmpty, "\(problems)")

        let store = try EventStore.open(path: file, readOnly: true)
        let notes = try store.allNotes().filter { !$0.isDeleted }
        let participants = try store.participants()
        store.close()
        #expect(notes.count == corpus.notes.count + 1)
        #expect(notes.filter { $0.speakerId != nil }.count == credits.count, "every hostile name was credited once")
        try checkExports(notes: notes, participants: participants, corpus: corpus)
    }

    /// md, eml, csv and json of the event, read by cmark and Python.
    func checkExports(notes: [Note], participants: [Participant], corpus: HostileCorpus) throws {
        let python = try #require(["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                  "python3 is not installed (scripts/setup)")
        let cmark = try #require(["/usr/bin/cmark", "/usr/local/bin/cmark"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                 "cmark is not installed (scripts/setup)")
        func export(_ format: String) throws -> String {
            let out = directory + "/export." + format
            let r = try rundbord(["export", file, "--format", format, "--out", out])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            return out
        }
        func runPython(_ script: String, _ args: [String]) throws -> [String: Any] {
            let scriptFile = directory + "/check-\(UUID().uuidString).py"
            try Data(script.utf8).write(to: URL(fileURLWithPath: scriptFile))
            let r = try Subprocess.run(python, [scriptFile] + args)
            #expect(r.status == 0, "\(r.stderr)")
            return (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
        }
        /// Letters and digits in order: what a reader must get back of each note.
        func words(_ s: String) -> String {
            String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
        }

        // Markdown: cmark's tree has no markup from user text; every note is in a list item.
        let md = try export("md")
        let xml = directory + "/export.xml"
        let cmarkRun = try Subprocess.run("/bin/sh", ["-c", "\(q(cmark)) --to xml \(q(md)) > \(q(xml))"])
        #expect(cmarkRun.status == 0)
        let tree = try runPython(#"""
import sys, json, xml.etree.ElementTree as ET
NS = '{http://commonmark.org/xml/1.0}'
root = ET.parse(sys.argv[1]).getroot()
def tag(e): return e.tag.replace(NS, '')
def text(e):
    t = tag(e)
    if t == 'text': return e.text or ''
    if t in ('softbreak', 'linebreak'): return '\n'
    if t in ('code', 'html_inline', 'html_block', 'code_block'): return e.text or ''
    return ''.join(text(c) for c in e)
MARKUP = ('html_block', 'html_inline', 'code', 'code_block', 'emph', 'strong', 'image', 'block_quote', 'thematic_break')
markup = [[tag(e), text(e)] for e in root.iter() if tag(e) in MARKUP]
print(json.dumps({'markup': markup, 'items': [text(i) for i in root.iter(NS + 'item')],
                  'headings': [text(h) for h in root.iter(NS + 'heading')]}))
"""#, [xml])
        // The harvest template's own bold labels ("**Kontakt:**") are the only markup allowed.
        let templateBold = Set(EmbeddedTemplates.files.filter { $0.key.hasSuffix(".md.mustache") }.flatMap { _, bytes in
            String(decoding: bytes, as: UTF8.self).matches(of: /\*\*([^*{}\n]+)\*\*/).map { String($0.output.1) }
        })
        #expect(templateBold.contains("Kontakt:"), "the template's bold labels were read")
        let markup = (tree["markup"] as? [[String]] ?? []).filter { !($0.first == "strong" && templateBold.contains($0.last ?? "")) }
        #expect(markup.isEmpty, "cmark found markup from user text: \(markup)")
        let items = (tree["items"] as? [String] ?? []).map(words)
        let headings = tree["headings"] as? [String] ?? []
        for note in notes {
            #expect(items.contains { $0.hasPrefix(words(note.text)) }, "no list item holds \(note.text.prefix(60).debugDescription)")
            #expect(!headings.contains { !words($0).isEmpty && words(note.text).hasPrefix(words($0)) && words($0).count > 3 },
                    "a heading came from \(note.text.prefix(60).debugDescription)")
        }

        // Mail: exactly the intended headers, nothing injected by a name.
        let mail = try runPython(#"""
import sys, json, email, email.policy
raw = open(sys.argv[1], 'rb').read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
print(json.dumps({'keys': sorted(k.lower() for k in msg.keys()),
                  'bcc': sorted(a.addr_spec for a in msg['Bcc'].addresses) if msg['Bcc'] else [],
                  'to': [a.addr_spec for a in msg['To'].addresses], 'from': [a.addr_spec for a in msg['From'].addresses],
                  'defects': [str(d) for p in msg.walk() for d in p.defects],
                  'bare_lf': raw.replace(b'\r\n', b'').count(b'\n')}))
"""#, [try export("eml")])
        #expect(mail["keys"] as? [String] == ["bcc", "content-type", "date", "from", "message-id", "mime-version", "subject", "to", "x-unsent"])
        #expect(mail["bcc"] as? [String] == participants.map(\.email).filter { !$0.isEmpty }.sorted())
        #expect(mail["from"] as? [String] == ["okf@example.dk"])
        #expect(mail["defects"] as? [String] == [])
        #expect(mail["bare_lf"] as? Int == 0)

        // CSV: one row per note plus the header, and each note's text is one cell.
        let csv = try runPython(#"""
import sys, csv, json, io
text = open(sys.argv[1], 'rb').read().decode('utf-8-sig')
print(json.dumps({'rows': list(csv.reader(io.StringIO(text, newline=''), strict=True))}))
"""#, [try export("csv")])
        let rows = csv["rows"] as? [[String]] ?? []
        #expect(rows.count == notes.count + 1)
        #expect(Set(rows.map(\.count)).count == 1, "every row has the header's number of cells")
        let cells = Set(rows.dropFirst().flatMap { $0 })
        for note in notes {
            // Newlines are CRLF inside a quoted cell; a cell a spreadsheet would run as a formula starts with '.
            var expected = note.text.replacingOccurrences(of: "\n", with: "\r\n")
            if let first = expected.first, "=+-@".contains(first) { expected = "'" + expected }
            #expect(cells.contains(expected), "no cell holds \(note.text.prefix(60).debugDescription)")
        }

        // JSON: loads, and holds each note's text exactly.
        let json = try runPython(#"""
import sys, json
doc = json.load(open(sys.argv[1], encoding='utf-8'))
texts = []
def walk(v):
    if isinstance(v, dict):
        if 'text' in v and isinstance(v['text'], str): texts.append(v['text'])
        for x in v.values(): walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
walk(doc)
print(json.dumps({'texts': texts}))
"""#, [try export("json")])
        let texts = Set(json["texts"] as? [String] ?? [])
        for note in notes { #expect(texts.contains(note.text), "json lacks \(note.text.prefix(60).debugDescription)") }
    }
}
