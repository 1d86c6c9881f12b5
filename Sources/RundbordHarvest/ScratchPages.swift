import Foundation
import RundbordCore

/// Pages of print text kept on disk until they are written: a file in the
/// temporary folder, removed from its folder as soon as it is made (so
/// nothing is left behind, whatever ends the program) and readable by its
/// owner only. A page's lines hold no line breaks, so each is stored as
/// one line of the file.
final class ScratchPages {
    private let fd: Int32
    private var sizes: [Int] = []
    private var buffer: [UInt8] = []

    /// How many pages it holds.
    var count: Int { sizes.count }

    init() throws(RundbordError) {
        var template = Array((NSTemporaryDirectory() + "/rundbord-pages.XXXXXX").utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Self.failure(errno) }
        unlink(String(cString: template))
        buffer.reserveCapacity(1 << 16 + 4096)
    }

    deinit { close(fd) }

    static func failure(_ code: Int32) -> RundbordError {
        RundbordError(HarvestText.writeFailed, [NSTemporaryDirectory(), String(cString: strerror(code))], exit: .ioError)
    }

    func append(_ lines: [String]) throws(RundbordError) {
        sizes.append(lines.count)
        for line in lines {
            buffer.append(contentsOf: line.utf8)
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 16 { try flush() }
        }
    }

    private func flush() throws(RundbordError) {
        var written = 0
        while written < buffer.count {
            let n = buffer[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.failure(errno)
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Every page in order, with its number from 0.
    func forEach(_ body: (Int, [String]) throws(RundbordError) -> Void) throws(RundbordError) {
        try flush()
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw Self.failure(errno) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var carry: [UInt8] = []
        var lines: [String] = []
        var page = 0
        func deliver() throws(RundbordError) {
            while page < sizes.count, lines.count >= sizes[page] {
                let these = Array(lines.prefix(sizes[page]))
                lines.removeFirst(sizes[page])
                try body(page, these)
                page += 1
            }
        }
        try deliver()
        while page < sizes.count {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.failure(errno)
            }
            if n == 0 { break }
            var start = 0
            for i in 0..<n where chunk[i] == UInt8(ascii: "\n") {
                carry.append(contentsOf: chunk[start..<i])
                lines.append(String(decoding: carry, as: UTF8.self))
                carry.removeAll(keepingCapacity: true)
                start = i + 1
            }
            carry.append(contentsOf: chunk[start..<n])
            try deliver()
        }
        guard page == sizes.count else { throw Self.failure(EIO) }
    }
}
