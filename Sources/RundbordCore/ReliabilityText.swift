import Foundation

/// Messages of the reliability guards (issue #16): export targets that are
/// an event, event paths that are not regular files, --templates folders,
/// harvest templates that include themselves, merged rows that the command
/// line would refuse.
public enum ReliabilityText: String, CatalogueKey {
    case exportOntoEvent, exportOntoOtherEvent
    case notRegularFile, kindFifo, kindDirectory, kindDevice, kindSocket, kindOther
    case templatesMissing, templatesNotFolder
    case templateRecursion, templateTooDeep
    case mergeBadAddress

    public static let table: [ReliabilityText: Translation] = [
        .exportOntoEvent: .init("{0}: er arrangementsfilen {1} eller en af dens -wal/-shm-filer; eksporten ville erstatte arrangementet. Vælg et andet navn med --out",
                                "{0}: is the event file {1} or one of its -wal/-shm files; the export would replace the event. Choose another name with --out"),
        .exportOntoOtherEvent: .init("{0}: er en rundbord-arrangementsfil; en eksport erstatter aldrig et arrangement. Vælg et andet navn med --out",
                                     "{0}: is a rundbord event file; an export never replaces an event. Choose another name with --out"),
        .notRegularFile: .init("{0}: er ikke en almindelig fil, men {1}; filen er ikke ændret",
                               "{0}: is not a regular file but {1}; the file was not changed"),
        .kindFifo: .init("en navngivet pipe (FIFO)", "a named pipe (FIFO)"),
        .kindDirectory: .init("en mappe", "a folder"),
        .kindDevice: .init("en enhed", "a device"),
        .kindSocket: .init("en sokkel", "a socket"),
        .kindOther: .init("en særlig fil", "a special file"),
        .templatesMissing: .init("--templates {0}: mappen findes ikke", "--templates {0}: the folder does not exist"),
        .templatesNotFolder: .init("--templates {0}: er ikke en mappe", "--templates {0}: is not a folder"),
        .templateRecursion: .init("{0}:{1}: skabelonen indsætter sig selv ({2}); det ville aldrig slutte",
                                  "{0}:{1}: the template includes itself ({2}); it would never end"),
        .templateTooDeep: .init("{0}:{1}: skabelonerne indsætter hinanden mere end {2} lag dybt ({3})",
                                "{0}:{1}: the templates include each other more than {2} levels deep ({3})"),
        .mergeBadAddress: .init("{0}: deltageren {1} har en ugyldig e-mailadresse ({2}) og får ikke opfølgningsmailen; ret den med rundbord participants",
                                "{0}: participant {1} has an invalid e-mail address ({2}) and will not get the follow-up mail; correct it with rundbord participants"),
    ]
}
