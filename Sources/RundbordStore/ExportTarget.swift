import Foundation
import RundbordCore
#if canImport(Glibc)
import Glibc
#endif

extension EventStore {
    /// Refuses an export target that is the event file itself, its `-wal`,
    /// `-shm` or `-journal`, or any other rundbord event, compared by device
    /// and inode (a second name, a hard link or `./` in the path is the same
    /// file): writing there would replace the event with the export, while a
    /// process that has the event open went on writing to the unlinked file.
    /// Exit 73 (EX_CANTCREAT). "-" (standard output) and a new name pass.
    public static func checkExportTarget(_ target: String, eventFile: String) throws(RundbordError) {
        guard target != "-" else { return }
        var out = stat()
        guard stat(target, &out) == 0 else { return }
        let kind = out.st_mode & S_IFMT
        // A pipe or a device is written through, never replaced.
        guard kind == S_IFREG else { return }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            var own = stat()
            if stat(eventFile + suffix, &own) == 0, own.st_dev == out.st_dev, own.st_ino == out.st_ino {
                throw RundbordError(ReliabilityText.exportOntoEvent,
                                    [Sanitize.line(target), Sanitize.line(eventFile)],
                                    exit: .cantCreate)
            }
        }
        // Another event, or the -wal/-shm/-journal beside one.
        var candidates = [target]
        for suffix in ["-wal", "-shm", "-journal"] where target.hasSuffix(suffix) {
            candidates.append(String(target.dropLast(suffix.count)))
        }
        for candidate in candidates where isEventFileHeader(candidate) {
            throw RundbordError(ReliabilityText.exportOntoOtherEvent, [Sanitize.line(target)], exit: .cantCreate)
        }
    }

    /// Whether the file at `path` is a regular file starting with the SQLite
    /// header and carrying rundbord's application id (nothing else is read).
    static func isEventFileHeader(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        guard Glibc.read(fd, &header, 100) == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else { return false }
        let id = header[68..<72].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
        return Int32(bitPattern: id) == applicationId
    }
}
