import Foundation
import RundbordCore

/// A clock the test moves by hand, and ids counted from 1, so every rule and
/// every screen is tested deterministically. Shared by all test targets.
public final class TestWorld: @unchecked Sendable {
    private let lock = NSLock()
    private var _now: Date
    private var counter = 0

    /// 2026-09-21 14:13:20 UTC unless a test needs another day.
    public init(now: Date = Date(timeIntervalSince1970: 1_790_000_000)) { _now = now }

    public var now: Date {
        get { lock.withLock { _now } }
        set { lock.withLock { _now = newValue } }
    }
    public func advance(_ seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }

    public func newId() -> UUID {
        lock.withLock {
            counter += 1
            return UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", counter))!
        }
    }

    public var env: SessionEnvironment {
        SessionEnvironment(now: { [self] in self.now }, newId: { [self] in self.newId() })
    }
}
