import Foundation
import RundbordTestSupport
import Testing
import RundbordTUI

/// The screens' snapshots, in __Snapshots__ beside these tests.
let snapshots = Snapshot(besides: #filePath)

/// Records an issue when the backend's frame differs from the snapshot `name`.
func expectSnapshot(_ backend: TestBackend, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let problem = snapshots.check(backend.text, named: name) {
        Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
}
