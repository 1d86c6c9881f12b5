import Foundation
import RundbordCore

extension ExportFormat {
    /// Where an export goes by default: the event file's path without
    /// `.rundbord`, plus the language when it is not Danish, plus the format's
    /// extension (`raadhus.rundbord` → `raadhus.md`, `raadhus.en.md`), so an
    /// English export never overwrites the Danish one.
    /// Used by `rundbord export` and the harvest screen alike.
    public func defaultOutput(eventFile: String, language: Language = .da) -> String {
        let url = URL(fileURLWithPath: eventFile)
        let base = url.pathExtension == "rundbord" ? url.deletingPathExtension() : url
        return base.path + (language == .da ? "" : "." + language.rawValue) + "." + fileExtension
    }
}
