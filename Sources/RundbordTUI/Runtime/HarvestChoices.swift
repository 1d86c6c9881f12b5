import Foundation
import RundbordCore
import RundbordHarvest

/// The formats an organiser chose on the harvest screen, remembered per event
/// (by the event's id, so a renamed or moved file keeps them) in the user's
/// state folder: `$XDG_STATE_HOME/rundbord/harvest-choices.json`, else
/// `~/.local/state/rundbord/`. Kept out of the event file on purpose: it is
/// how one person likes to export on their machine, not part of what was
/// said at the tables; a file opened read-only, or shared with another
/// organiser, is not written to for it.
public struct HarvestChoices: Sendable {
    public let file: String

    public init(file: String) { self.file = file }

    /// The choices file under the user's state folder (XDG), nil without a home.
    public static func inStateFolder(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> HarvestChoices? {
        // XDG says a relative path in the variable is ignored.
        let folder: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            folder = xdg
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            folder = home + "/.local/state"
        } else {
            return nil
        }
        return HarvestChoices(file: folder + "/rundbord/harvest-choices.json")
    }

    /// Event id → chosen formats' names; an unreadable file is as none.
    func all() -> [String: [String]] {
        guard let data = FileManager.default.contents(atPath: file),
              let map = try? JSONDecoder().decode([String: [String]].self, from: data) else { return [:] }
        return map
    }

    /// The formats last chosen for `event`; nil when none were.
    public func load(event: UUID) -> Set<HarvestOutput>? {
        all()[event.uuidString].map { Set($0.compactMap(HarvestOutput.init(rawValue:))) }
    }

    /// Remembers `chosen` for `event` (the folder made owner-only, the file written whole).
    public func save(_ chosen: Set<HarvestOutput>, event: UUID) throws(RundbordError) {
        var map = all()
        map[event.uuidString] = HarvestOutput.allCases.filter(chosen.contains).map(\.rawValue)
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(map) else { return }
        try AtomicFile.write(data, to: file)
    }
}
