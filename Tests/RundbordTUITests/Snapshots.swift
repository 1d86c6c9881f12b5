import Foundation
import RundbordTestSupport
import Testing
import RundbordTUI

/// The screens' snapshots, in __Snapshots__ beside these tests.
let snapshots = Snapshot(besides: #filePath)

/// Records an issue when the backend's frame, text and styles, differs from the snapshot `name`.
func expectSnapshot(_ backend: TestBackend, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let problem = snapshots.check(backend.frame?.styledText ?? "", named: name) {
        Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
}
