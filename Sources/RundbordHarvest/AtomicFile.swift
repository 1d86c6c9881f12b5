import Foundation
import RundbordCore

/// Writes a file whole or not at all: the bytes go to a temporary file in the
/// same folder (created 0600: exports hold names), are flushed to disk, and
/// the temporary file is renamed over the target. A full disk or a folder
/// that cannot be written leaves an earlier file as it was.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(RundbordError) {
        // A device or a pipe (/dev/stdout, a FIFO, /dev/full) is written in place:
        // renaming a temporary file over it would replace the device node itself.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFCHR || info.st_mode & S_IFMT == S_IFIFO {
            return try writeInPlace(data, to: path)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        // What an export of the same name that was killed left behind.
        StaleTemporaries.clean(for: path)
        let temporary = StaleTemporaries.name(for: path)
        let fd = StaleTemporaries.create(temporary)
        guard fd >= 0 else {
            throw RundbordError(HarvestText.writeCannotCreate, [path, Localized.reason(errno: errno)], exit: .cantCreate)
        }
        func fail(_ code: Int32) -> RundbordError {
            close(fd)
            unlink(temporary)
            return RundbordError(HarvestText.writeFailed, [path, Localized.reason(errno: code)], exit: .ioError)
        }
        // umask may have narrowed the mode already; make sure it is exactly owner-only.
        fchmod(fd, 0o600)
        let failure = writeAll(data, to: fd)
        if failure != 0 { throw fail(failure) }
        if fsync(fd) != 0 { throw fail(errno) }
        try finish(fd: fd, temporary: temporary, path: path, folder: folder)
    }

    /// Where a file written in pieces goes (`stream`): each piece is
    /// written as it is made, so the whole file is never held in memory.
    public struct Sink {
        let fd: Int32
        let path: String

        public func write(_ bytes: [UInt8]) throws(RundbordError) {
            let failure = bytes.withUnsafeBytes { AtomicFile.writeAll($0, to: fd) }
            if failure != 0 { throw RundbordError(HarvestText.writeFailed, [path, Localized.reason(errno: failure)], exit: .ioError) }
        }
    }

    /// Writes what `body` gives the sink to `path` as `write` writes a
    /// whole file (a temporary file renamed over the target, or a device
    /// or pipe in place), or to standard output when `path` is "-". When
    /// `body` throws, the temporary file is removed and the target is left
    /// as it was.
    public static func stream(to path: String, _ body: (Sink) throws(RundbordError) -> Void) throws(RundbordError) {
        if path == "-" { return try body(Sink(fd: STDOUT_FILENO, path: "-")) }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFCHR || info.st_mode & S_IFMT == S_IFIFO {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw RundbordError(HarvestText.writeCannotCreate, [path, Localized.reason(errno: errno)], exit: .cantCreate)
            }
            defer { close(fd) }
            return try body(Sink(fd: fd, path: path))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        StaleTemporaries.clean(for: path)
        let temporary = StaleTemporaries.name(for: path)
        let fd = StaleTemporaries.create(temporary)
        guard fd >= 0 else {
            throw RundbordError(HarvestText.writeCannotCreate, [path, Localized.reason(errno: errno)], exit: .cantCreate)
        }
        fchmod(fd, 0o600)
        do {
            try body(Sink(fd: fd, path: path))
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            unlink(temporary)
            throw RundbordError(HarvestText.writeFailed, [path, Localized.reason(errno: code)], exit: .ioError)
        }
        try finish(fd: fd, temporary: temporary, path: path, folder: folder)
    }

    /// Closes the written temporary file, renames it over `path`, syncs the folder.
    static func finish(fd: Int32, temporary: String, path: String, folder: String) throws(RundbordError) {
        if close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw RundbordError(HarvestText.writeFailed, [path, Localized.reason(errno: code)], exit: .ioError)
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw RundbordError(HarvestText.writeCannotCreate, [path, Localized.reason(errno: code)], exit: .cantCreate)
        }
        // The rename itself survives a power cut once the folder is synced.
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { fsync(dir); close(dir) }
    }

    static func writeInPlace(_ data: Data, to path: String) throws(RundbordError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw RundbordError(HarvestText.writeCannotCreate, [path, Localized.reason(errno: errno)], exit: .cantCreate)
        }
        defer { close(fd) }
        let failure = writeAll(data, to: fd)
        if failure != 0 {
            throw RundbordError(HarvestText.writeFailed, [path, Localized.reason(errno: failure)], exit: .ioError)
        }
    }

    /// Writes every byte; returns 0, or the errno of the failed write.
    static func writeAll(_ data: Data, to fd: Int32) -> Int32 {
        data.withUnsafeBytes { writeAll($0, to: fd) }
    }

    static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }
}
