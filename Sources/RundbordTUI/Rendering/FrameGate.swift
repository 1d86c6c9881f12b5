/// Where the runner decides whether a frame reaches the terminal: a frame
/// equal to the last one shown is not sent at all.
final class FrameGate {
    private var last: Buffer?
    private var repaint = false

    /// The next frame is painted whole (Ctrl-L: the terminal was messed up by something else).
    func repaintNext() { repaint = true }

    func show(_ frame: Buffer, on backend: TerminalBackend) {
        guard frame != last || repaint else { return }
        backend.draw(frame, full: repaint)
        last = frame
        repaint = false
    }
}
