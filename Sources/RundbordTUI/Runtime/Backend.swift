import Foundation

/// The one thing that touches a terminal. `NcursesBackend` drives a real
/// one; `TestBackend` keeps the frames in memory for tests.
public protocol TerminalBackend: AnyObject {
    var size: Size { get }
    /// Waits up to `timeout` seconds for input; nil when the time passed without any.
    func nextEvent(timeout: TimeInterval) -> InputEvent?
    /// Shows `buffer`; `changed` says which rows differ from the frame shown
    /// before (`FrameGate` compares them, so a backend need not).
    func draw(_ buffer: Buffer, changed: FrameChange)
    /// Rings the terminal's bell (the clock's time ran out). Through the
    /// terminal library, never a BEL written into the frame.
    func beep()
}

/// A terminal in memory: queued input, and the last frame as text.
public final class TestBackend: TerminalBackend {
    public var size: Size
    public var events: [InputEvent] = []
    public private(set) var frame: Buffer?
    public private(set) var drawCount = 0
    public private(set) var beeps = 0

    public init(width: Int = 80, height: Int = 24) {
        size = Size(width: width, height: height)
    }

    public func nextEvent(timeout: TimeInterval) -> InputEvent? {
        events.isEmpty ? nil : events.removeFirst()
    }

    public func draw(_ buffer: Buffer, changed: FrameChange) {
        frame = buffer
        drawCount += 1
    }

    public func beep() { beeps += 1 }

    /// The screen as text lines.
    public var lines: [String] { frame?.lines ?? [] }
    public var text: String { frame?.text ?? "" }
}
