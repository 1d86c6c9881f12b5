import RundbordCore

/// The command line's words for a table's name, host and note-taker.
public enum TableText: String, CatalogueKey {
    case abstract, numberHelp, nameHelp, hostHelp, noteTakerHelp
    case heading, headingNamed, host, noteTaker, notSet, needsNumber

    public static let table: [TableText: Translation] = [
        .abstract: .init("Vis bordene, eller giv et bord navn, bordvært og referent.",
                         "Show the tables, or give a table its name, host and note-taker."),
        .numberHelp: .init("Bordets nummer; uden nummer vises alle borde.", "The table's number; without one, every table is shown."),
        .nameHelp: .init("Bordets navn, fx et tema (tom tekst fjerner det).", "The table's name, e.g. a theme (empty text removes it)."),
        .hostHelp: .init("Bordværten, der leder samtalen.", "The host who leads the conversation."),
        .noteTakerHelp: .init("Referenten, der skriver notaterne.", "The note-taker who writes the notes."),
        .heading: .init("Bord {0}", "Table {0}"),
        .headingNamed: .init("Bord {0}: {1}", "Table {0}: {1}"),
        .host: .init("  Bordvært: {0}", "  Host: {0}"),
        .noteTaker: .init("  Referent: {0}", "  Note-taker: {0}"),
        .notSet: .init("ikke angivet", "not given"),
        .needsNumber: .init("--name, --host og --note-taker kræver et bordnummer, fx rundbord table FIL 3 --name \"Grøn omstilling\"",
                            "--name, --host and --note-taker need a table number, e.g. rundbord table FILE 3 --name \"Green transition\""),
    ]
}
