import Foundation
import RundbordCore
import RundbordHarvest

/// A large read-only view for the room: principle, questions, the timer in
/// big digits, initiatives (dots only once the vote is closed).
enum ProjectorScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let lang = state.lang
        guard let principle = state.session.principle else { return }
        let width = buffer.width - 4
        var y = 1
        let heading = TUIText.projectorPrinciple.text(lang, state.session.principleIndex + 1,
                                                      state.session.principleIds.count,
                                                      state.session.phase.textKey.text(lang))
        // Centred, for a room reading from a distance.
        buffer.put(heading, x: max(0, (buffer.width - DisplayWidth.of(heading)) / 2), y: y, style: Theme.dim)
        y += 1
        for line in TextLayout.lines(principle.title, width: min(width, 72)).prefix(3) {
            buffer.put(line, x: max(0, (buffer.width - DisplayWidth.of(line)) / 2), y: y,
                       style: Style(bold: true, underline: true))
            y += 1
        }
        y += 1
        // The timer in big digits, centred.
        let timer = Chrome.timerText(state)
        let clock = Chrome.clock(abs(state.session.timer.remaining(at: state.now)))
        let big = BigDigits.render((timer.level == .overrun ? "+" : "") + clock)
        var timerStyle = Style.bold
        switch timer.level {
        case .normal: break
        case .warning: timerStyle = Style(fg: .yellow, bold: true)
        case .overrun: timerStyle = Style(fg: .red, bold: true)
        }
        let bigWidth = big.map { DisplayWidth.of($0) }.max() ?? 0
        // The moment the time runs out the clock's rows are a highlighted band, then as before.
        if state.isFlashing {
            timerStyle = Theme.flashBand
            buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: buffer.height >= 20 ? big.count : 1), style: timerStyle)
        }
        if buffer.height >= 20 {
            for line in big {
                buffer.put(line, x: max(0, (buffer.width - bigWidth) / 2), y: y, style: timerStyle); y += 1
            }
        } else {
            buffer.put(timer.text, x: max(0, (buffer.width - DisplayWidth.of(timer.text)) / 2), y: y, style: timerStyle)
            y += 1
        }
        if timer.level != .normal {
            // Said in words too, for a monochrome projector.
            let over = (timer.level == .overrun ? TUIText.projectorOverrun : TUIText.projectorWarning).text(lang)
            buffer.put(over, x: max(0, (buffer.width - DisplayWidth.of(over)) / 2), y: y, style: timerStyle)
        }
        y += 1
        let bottom = buffer.height - 1
        // What the table votes on: the principle's initiatives, or all the table's (`t` on the vote screen).
        let initiatives = state.voteInitiatives
        let questionsRoom = max(0, bottom - y - min(initiatives.count, 6) - 2)
        var qLines: [String] = []
        for q in principle.questions {
            for (i, line) in TextLayout.lines(q, width: width - 2).enumerated() { qLines.append((i == 0 ? "• " : "  ") + line) }
        }
        for line in qLines.prefix(questionsRoom) {
            buffer.put(line, x: 2, y: y); y += 1
        }
        y += 1
        if !initiatives.isEmpty && y < bottom {
            let revealed = state.isRevealed
            buffer.put(revealed ? TUIText.projectorResults.text(lang) : TUIText.projectorHidden.text(lang),
                       x: 2, y: y, style: Theme.title)
            y += 1
            let ordered = revealed ? initiatives.sorted { $0.dots > $1.dots } : initiatives
            for note in ordered where y < bottom {
                var prefix = "  ◆ "
                if revealed { prefix = TextLayout.pad(String(note.dots), width: 4) + "● " }
                buffer.put(prefix, x: 2, y: y, style: Theme.initiative)
                buffer.put(TextLayout.truncate(Sanitize.line(note.text), width: width - 8), x: 8, y: y)
                y += 1
            }
        }
        buffer.put(TUIText.projectorHint.text(lang), x: 2, y: buffer.height - 1, style: Theme.dim)
    }
}

/// Digits five rows high, for the projector's timer.
enum BigDigits {
    static let glyphs: [Character: [String]] = [
        "0": ["█████", "█   █", "█   █", "█   █", "█████"],
        "1": ["   █ ", "  ██ ", "   █ ", "   █ ", "  ███"],
        "2": ["█████", "    █", "█████", "█    ", "█████"],
        "3": ["█████", "    █", " ████", "    █", "█████"],
        "4": ["█   █", "█   █", "█████", "    █", "    █"],
        "5": ["█████", "█    ", "█████", "    █", "█████"],
        "6": ["█████", "█    ", "█████", "█   █", "█████"],
        "7": ["█████", "    █", "   █ ", "  █  ", "  █  "],
        "8": ["█████", "█   █", "█████", "█   █", "█████"],
        "9": ["█████", "█   █", "█████", "    █", "█████"],
        ":": ["   ", " █ ", "   ", " █ ", "   "],
        "+": ["     ", "  █  ", "█████", "  █  ", "     "],
    ]

    static func render(_ text: String) -> [String] {
        (0..<5).map { row in
            text.compactMap { glyphs[$0]?[row] }.joined(separator: " ")
        }
    }
}
