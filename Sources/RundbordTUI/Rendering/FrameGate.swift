/// What the terminal must change to show a frame: everything, or some rows.
public enum FrameChange: Sendable, Equatable {
    /// Every row: the first frame, a new size, or `repaint` (Ctrl-L: the
    /// terminal was messed up by something else and must be cleared).
    case all(repaint: Bool)
    /// These rows differ from the frame shown before (none: only the cursor moved).
    case rows([Int])
}

/// The one place frames are compared. A frame equal to the last one shown
/// is not sent at all; otherwise the backend is told which rows changed.
public final class FrameGate {
    private var last: Buffer?
    private var repaint = false

    public init() {}

    /// The next frame is painted whole, the terminal cleared first.
    public func repaintNext() { repaint = true }

    public func show(_ frame: Buffer, on backend: TerminalBackend) {
        guard let change = change(to: frame) else { return }
        backend.draw(frame, changed: change)
        last = frame
        repaint = false
    }

    /// nil: nothing to show.
    func change(to frame: Buffer) -> FrameChange? {
        guard let last, last.size == frame.size, !repaint else { return .all(repaint: repaint) }
        // Rows first: a typed key changes one, and the whole frame is then
        // compared only when no row did (the cursor alone may have moved).
        let rows = (0..<frame.height).filter { last.row($0) != frame.row($0) }
        if rows.isEmpty && frame == last { return nil }
        return .rows(rows)
    }
}
