import Foundation
import RundbordCore
import RundbordHarvest

/// Notes already laid out, by everything their layout depends on, kept by
/// one runner for its own frames (not shared by the process). A note's lines
/// do not change while it is typed under, so each keystroke lays out only
/// the entry line. Drawing stays a function of the state: the memo only
/// remembers results, and a fresh one draws the same frame.
public final class LayoutMemo {
    struct Key: Hashable {
        let note: Note
        let width: Int
        let speaker: String?
        let lang: Language
        let zone: String
        let labels: [String]
    }

    private var notes: [Key: [SessionScreen.NoteLine]] = [:]
    /// Texts wrapped to a width (the principle's title, summary and questions, drawn every frame).
    private var texts: [TextKey: [String]] = [:]
    struct TextKey: Hashable { let text: String; let width: Int }
    /// Enough for several screens of notes at a few widths; cleared whole when full.
    private let limit = 4096

    public init() {}

    func wrapped(_ text: String, width: Int) -> [String] {
        let key = TextKey(text: text, width: width)
        if let known = texts[key] { return known }
        let lines = TextLayout.lines(text, width: width)
        if texts.count >= limit { texts.removeAll(keepingCapacity: true) }
        texts[key] = lines
        return lines
    }

    func lines(_ key: Key, _ layOut: () -> [SessionScreen.NoteLine]) -> [SessionScreen.NoteLine] {
        if let known = notes[key] { return known }
        let laidOut = layOut()
        if notes.count >= limit { notes.removeAll(keepingCapacity: true) }
        notes[key] = laidOut
        return laidOut
    }
}
