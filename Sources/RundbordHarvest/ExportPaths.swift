import Foundation

extension ExportFormat {
    /// Where an export goes by default: the event file's path without
    /// `.rundbord`, plus the format's extension (`event.rundbord` → `event.md`).
    /// Used by `rundbord export` and the harvest screen alike.
    public func defaultOutput(eventFile: String) -> String {
        let url = URL(fileURLWithPath: eventFile)
        let base = url.pathExtension == "rundbord" ? url.deletingPathExtension() : url
        return base.path + "." + fileExtension
    }
}
