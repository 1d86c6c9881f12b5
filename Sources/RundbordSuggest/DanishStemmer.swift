import CStemmer
import Foundation

/// Snowball's Danish stemmer (libstemmer): "delegationen", "delegationer"
/// and "delegation" all become "delegation". A libstemmer stemmer is not
/// safe to share between threads, so calls are serialised by a lock.
public final class DanishStemmer: @unchecked Sendable {
    private let stemmer: OpaquePointer?
    private let lock = NSLock()

    public static let shared = DanishStemmer()

    public init() {
        stemmer = sb_stemmer_new("danish", "UTF_8")
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
    }

    /// The stem of one lower-cased word; the word itself if libstemmer has no Danish stemmer.
    public func stem(_ word: String) -> String {
        guard let stemmer else { return word }
        let bytes = Array(word.utf8)
        return lock.withLock {
            guard let out = bytes.withUnsafeBufferPointer({ sb_stemmer_stem(stemmer, $0.baseAddress, Int32($0.count)) }) else {
                return word
            }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
    }
}
