import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The temporary files rundbord writes beside a file before linking or
/// renaming it into place: `.NAME.UUID.tmp`, with SQLite's `-journal`,
/// `-wal` and `-shm` beside it while a copy is being made. A process that
/// writes one holds an exclusive `flock` on it; a process killed meanwhile
/// (`kill -9` of `rundbord copy`) leaves them behind, and the next run
/// for the same NAME removes those nobody holds. Nothing else is touched:
/// only names of exactly this form, owned by this user.
public enum StaleTemporaries {
    /// The temporary for `path`: `.NAME.UUID.tmp` in the same folder.
    public static func name(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
    }

    static let suffixes = ["-journal", "-wal", "-shm"]

    /// Creates `temporary` (owner-only, must not exist) and locks it; returns
    /// the descriptor, to be closed once the file is linked or discarded; -1 and errno when it fails.
    public static func create(_ temporary: String, flags: Int32 = O_WRONLY) -> Int32 {
        let fd = open(temporary, O_CREAT | O_EXCL | O_CLOEXEC | flags, 0o600)
        if fd >= 0 { _ = flock(fd, LOCK_EX | LOCK_NB) }
        return fd
    }

    /// Removes the temporaries for `path` left by killed processes; returns how many files went.
    @discardableResult
    public static func clean(for path: String) -> Int {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + "."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        // Group each temporary with its SQLite files.
        var groups: [String: [String]] = [:]
        for entry in entries {
            var base = entry
            if let suffix = suffixes.first(where: { entry.hasSuffix($0) }) { base = String(entry.dropLast(suffix.count)) }
            guard base.hasPrefix(prefix), base.hasSuffix(".tmp") else { continue }
            let id = base.dropFirst(prefix.count).dropLast(".tmp".count)
            guard id.count == 36, UUID(uuidString: String(id)) != nil else { continue }
            groups[base, default: []].append(entry)
        }
        var removed = 0
        for (base, files) in groups {
            let basePath = folder + "/" + base
            var info = stat()
            if lstat(basePath, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFREG, info.st_uid == getuid() else { continue }
                let fd = open(basePath, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
                guard fd >= 0 else { continue }
                defer { close(fd) }
                // Held: a copy or an export is still writing it.
                guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            }
            for file in files {
                var own = stat()
                guard lstat(folder + "/" + file, &own) == 0, own.st_mode & S_IFMT == S_IFREG, own.st_uid == getuid() else { continue }
                // The temporary itself last, so that its lock guards the others until the end.
                if file != base, unlink(folder + "/" + file) == 0 { removed += 1 }
            }
            if files.contains(base), unlink(basePath) == 0 { removed += 1 }
        }
        return removed
    }
}
