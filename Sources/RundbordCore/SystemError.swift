import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the operating system refused, in the user's language. Foundation's
/// `localizedDescription` and `strerror` are English whatever `--lang` says;
/// every message that reports a failed file operation goes through here, so
/// that "kan ikke oprettes: …" is Danish to the end.
public enum SystemError {
    /// The reason behind `error` (a Foundation file error, a POSIX error or
    /// an errno wrapped by Foundation), in `language`.
    public static func describe(_ error: Error, _ language: Language = .current) -> String {
        if let code = posixCode(of: error) { return describe(errno: code, language) }
        if let cocoa = error as? CocoaError, let key = key(for: cocoa.code) { return key.text(language) }
        let ns = error as NSError
        return SystemText.other.text(language, "\(ns.domain) \(ns.code)")
    }

    /// The reason for a failed call that set `errno`, in `language`.
    public static func describe(errno code: Int32, _ language: Language = .current) -> String {
        let key: SystemText
        switch code {
        case EACCES, EPERM: key = .permission
        case ENOENT: key = .noSuchFile
        case EEXIST: key = .exists
        case ENOTDIR: key = .notDirectory
        case EISDIR: key = .isDirectory
        case ENOSPC, EDQUOT: key = .full
        case EROFS: key = .readOnly
        case ENAMETOOLONG: key = .nameTooLong
        case ELOOP: key = .loop
        case EIO: key = .io
        case EMFILE, ENFILE: key = .tooManyOpen
        case EBUSY, ETXTBSY: key = .busy
        default: return SystemText.other.text(language, "errno \(code)")
        }
        return key.text(language)
    }

    /// The errno behind a Foundation error, if it carries one.
    static func posixCode(of error: Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error { return posixCode(of: underlying) }
        return nil
    }

    static func key(for code: CocoaError.Code) -> SystemText? {
        switch code {
        case .fileWriteNoPermission, .fileReadNoPermission: .permission
        case .fileNoSuchFile, .fileReadNoSuchFile: .noSuchFile
        case .fileWriteFileExists: .exists
        case .fileWriteOutOfSpace: .full
        case .fileWriteVolumeReadOnly: .readOnly
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: .badName
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding: .unreadable
        default: nil
        }
    }
}

/// The operating system's refusals, in both languages.
public enum SystemText: String, CatalogueKey {
    case permission, noSuchFile, exists, notDirectory, isDirectory, full, readOnly, nameTooLong
    case loop, io, tooManyOpen, busy, badName, unreadable, other

    public static let table: [SystemText: Translation] = [
        .permission: .init("du har ikke adgang", "permission denied"),
        .noSuchFile: .init("filen eller mappen findes ikke", "no such file or folder"),
        .exists: .init("der findes allerede en fil med det navn", "a file of that name already exists"),
        .notDirectory: .init("en del af stien er en fil, ikke en mappe", "part of the path is a file, not a folder"),
        .isDirectory: .init("det er en mappe, ikke en fil", "it is a folder, not a file"),
        .full: .init("disken er fuld", "the disk is full"),
        .readOnly: .init("drevet kan kun læses", "the drive is read-only"),
        .nameTooLong: .init("navnet er for langt", "the name is too long"),
        .loop: .init("stien har for mange symbolske henvisninger", "the path has too many symbolic links"),
        .io: .init("fejl ved læsning eller skrivning på disken", "input/output error on the disk"),
        .tooManyOpen: .init("for mange åbne filer", "too many open files"),
        .busy: .init("filen er i brug", "the file is in use"),
        .badName: .init("filnavnet er ugyldigt", "the file name is not valid"),
        .unreadable: .init("indholdet kan ikke læses", "the contents cannot be read"),
        .other: .init("systemet afviste handlingen ({0})", "the system refused ({0})"),
    ]
}
