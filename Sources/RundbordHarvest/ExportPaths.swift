import Foundation
import RundbordCore

extension ExportFormat {
    /// Where an export goes by default: the event file's path without
    /// `.rundbord`, plus the language when it is not Danish, plus the format's
    /// extension (`raadhus.rundbord` → `raadhus.md`, `raadhus.en.md`), so an
    /// English export never overwrites the Danish one.
    /// Used by `rundbord export` and the harvest screen alike.
    public func defaultOutput(eventFile: String, language: Language = .da) -> String {
        Self.defaultOutput(eventFile: eventFile, fileExtension: fileExtension, language: language)
    }

    /// The same for any extension (the PDF, made by rundbord-pdf, is not an `ExportFormat`).
    public static func defaultOutput(eventFile: String, fileExtension: String, language: Language = .da) -> String {
        let url = URL(fileURLWithPath: eventFile)
        let base = url.pathExtension == "rundbord" ? url.deletingPathExtension() : url
        return base.path + (language == .da ? "" : "." + language.rawValue) + "." + fileExtension
    }
}

extension HarvestOptions {
    /// `--tables 1,3` → [1, 3]; nil when no list was given. Shared by
    /// `rundbord export` and `rundbord-pdf`.
    public static func parseTables(_ text: String?) throws(RundbordError) -> Set<Int>? {
        guard let text else { return nil }
        var out = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let n = Int(part.trimmingCharacters(in: .whitespaces)), n > 0 else {
                throw RundbordError(HarvestText.badTableList, [Sanitize.line(text)], exit: .usage)
            }
            out.insert(n)
        }
        return out
    }
}
