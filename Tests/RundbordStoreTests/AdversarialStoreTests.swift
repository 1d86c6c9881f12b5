import Foundation
import RundbordTestSupport
import Testing
@testable import RundbordCore
@testable import RundbordStore

/// The hostile corpus kept as test data in Tests/Fixtures/adversarial.json.
struct AdversarialCorpus: Decodable {
    let notes: [String]
    let names: [String]
    let addresses: [String]

    static func load() throws -> AdversarialCorpus {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/adversarial.json")
        return try JSONDecoder().decode(AdversarialCorpus.self, from: Data(contentsOf: url))
    }

    /// A 100 KB paste: Danish prose with newlines, as one note.
    static let bigPaste: String = {
        let paragraph = "Vi vil købe ind med hjerne og hjerte – som borgere, virksomheder og som kommune. ÆØÅ æøå.\n"
        return String(repeating: paragraph, count: 100_000 / paragraph.utf8.count + 1)
    }()
}

@Suite("Hostile text through the engine and the store")
struct AdversarialStoreTests {
    @Test func everyHostileNoteIsStoredWithoutControlCharactersAndKeepsItsWords() throws {
        let corpus = try AdversarialCorpus.load()
        let folder = TempFolder()
        let store = try makeEvent(folder)
        var session = try store.session(tableNumber: 1)
        for text in corpus.notes + [AdversarialCorpus.bigPaste] {
            try store.perform(try session.reduce(.addNote(text: text, kind: .point, speakerId: nil,
                                                          speakerOrganisation: corpus.names[0]), .live))
        }
        let saved = try store.allNotes()
        #expect(saved.count == corpus.notes.count + 1)
        for (note, original) in zip(saved, corpus.notes + [AdversarialCorpus.bigPaste]) {
            let controls = note.text.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
            }
            #expect(controls.isEmpty, "\(note.text.debugDescription)")
            #expect(!note.text.contains("\r"))
            // Letters and digits are kept in order: nothing the speaker said is lost.
            let words = { (s: String) in s.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
            #expect(String(String.UnicodeScalarView(words(note.text))) == String(String.UnicodeScalarView(words(original))))
            #expect(note.speakerOrganisation == "Åse Ørsted Bcc: victim@example.com")
        }
        let big = try #require(saved.last)
        #expect(big.text.utf8.count >= 99_000, "the 100 KB paste is one note")
        #expect(big.text.contains("\n"))
    }
}
