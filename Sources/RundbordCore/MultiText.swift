/// Strings of many tables at once: the roster import, participant edits,
/// merging event files, copying an event file, bulk capture.
public enum MultiText: String, CatalogueKey {
    // Roster lines
    case rosterLine, rosterEmpty, rosterUnterminatedQuote, rosterTextAfterQuote, rosterUnknownColumn
    case rosterDuplicateColumn, rosterInvalidUTF8, rosterColumnCount, rosterMissingName, rosterBadEmail
    case rosterTableNotNumber, rosterNoSuchTable, rosterBadYesNo, rosterDuplicatePerson
    case rosterUTF16, rosterRejected, rosterUnreadable, rosterImported, rosterSkipped
    // Participants
    case participantNotFound, participantAmbiguous, participantUpdated, participantRemoved
    case participantNothingToChange, participantTableConflict, participantConsentConflict
    // Merge
    case mergeOtherEvent, mergeIntoItself, mergeReportHeader, mergeReportLine, mergeReportForced
    case mergeKindTables, mergeKindParticipants, mergeKindNotes, mergeKindRevisions, mergeKindAgreements, mergeKindDrafts, mergeKindCuration, mergeKindProgress
    case mergeNothingNew
    // Copy
    case copyDone
    // CLI help
    case mergeAbstract, copyAbstract, noteLinesAbstract, participantsImportAbstract
    case participantsSetAbstract, participantsRemoveAbstract, dashboardAbstract
    case forceHelp, skipBadHelp, whoHelp, mergeFromHelp, mergeNoSources, copyNewHelp, copyNoTarget
    case principleHelp, noteLinesKindHelp, rosterHelp, setTableHelp, setNoTableHelp, setNamedHelp
    case setNotNamedHelp, dashboardTopHelp
    case noteLinesEmptyLine
    // Dashboard
    case dashboardHeader, dashboardColumns, dashboardTopHeader, dashboardTotals, dashboardNever

    public static let table: [MultiText: Translation] = [
        .rosterLine: .init("{0}:{1}: {2}", "{0}:{1}: {2}"),
        .rosterEmpty: .init("filen er tom; forventede en linje pr. deltager", "the file is empty; expected one line per participant"),
        .rosterUnterminatedQuote: .init("et felt i anførselstegn begynder her, men slutter aldrig",
                                        "a quoted field starts here but never ends"),
        .rosterTextAfterQuote: .init("tekst efter et afsluttende anførselstegn; forventede skilletegn eller linjeskift",
                                     "text after a closing quote; expected a delimiter or a line end"),
        .rosterUnknownColumn: .init("ukendt kolonne '{0}'; forventede: {1}", "unknown column '{0}'; expected: {1}"),
        .rosterDuplicateColumn: .init("kolonnen '{0}' står to gange", "the column '{0}' appears twice"),
        .rosterInvalidUTF8: .init("linjen er ikke gyldig UTF-8 (gem filen som UTF-8)",
                                  "the line is not valid UTF-8 (save the file as UTF-8)"),
        .rosterColumnCount: .init("forventede {0} kolonner, fandt {1}", "expected {0} columns, found {1}"),
        .rosterMissingName: .init("navnet mangler", "the name is missing"),
        .rosterBadEmail: .init("e-mailadressen '{0}' er ugyldig", "the e-mail address '{0}' is not valid"),
        .rosterTableNotNumber: .init("bord '{0}' er ikke et tal", "table '{0}' is not a number"),
        .rosterNoSuchTable: .init("bord {0} findes ikke (arrangementet har bord {1})",
                                  "table {0} does not exist (the event has tables {1})"),
        .rosterBadYesNo: .init("'{0}' i kolonnen må nævnes skal være ja, nej, 1, 0, x eller tom",
                               "'{0}' in the column named must be yes, no, 1, 0, x or empty"),
        .rosterDuplicatePerson: .init("samme person som linje {0}", "the same person as line {0}"),
        .rosterUTF16: .init("filen er gemt som UTF-16; gem den som CSV (UTF-8)",
                            "the file is saved as UTF-16; save it as CSV (UTF-8)"),
        .rosterRejected: .init("{0}: fejl på {1} {1|linje|linjer}; intet er importeret (brug --skip-bad for at importere de gode linjer)",
                               "{0}: errors on {1} {1|line|lines}; nothing was imported (use --skip-bad to import the good lines)"),
        .rosterUnreadable: .init("{0}: kan ikke læses: {1}", "{0}: cannot be read: {1}"),
        .rosterImported: .init("Importerede {0}: {1} nye, {2} opdateret, {3} uændret.",
                               "Imported {0}: {1} added, {2} updated, {3} unchanged."),
        .rosterSkipped: .init("Sprang {0} {0|linje|linjer} med fejl over.", "Skipped {0} {0|line|lines} with errors."),

        .participantNotFound: .init("ingen deltager hedder eller har id/e-mail '{0}'",
                                    "no participant has the name, id or e-mail '{0}'"),
        .participantAmbiguous: .init("'{0}' passer på flere deltagere; brug id eller e-mail: {1}",
                                     "'{0}' matches several participants; use the id or e-mail: {1}"),
        .participantUpdated: .init("Opdaterede {0}.", "Updated {0}."),
        .participantRemoved: .init("Fjernede {0}; {1} {1|notat|notater} krediteres ikke længere personen.",
                                   "Removed {0}; {1} {1|note no longer credits|notes no longer credit} the person."),
        .participantNothingToChange: .init("intet at ændre; angiv fx --table, --named eller --email",
                                           "nothing to change; give e.g. --table, --named or --email"),
        .participantTableConflict: .init("--table og --no-table kan ikke bruges sammen",
                                         "--table and --no-table cannot be used together"),
        .participantConsentConflict: .init("--named og --not-named kan ikke bruges sammen",
                                           "--named and --not-named cannot be used together"),

        .mergeOtherEvent: .init("{0}: hører til et andet arrangement ('{1}', ikke '{2}'); intet er flettet (brug --force for at flette alligevel)",
                                "{0}: belongs to another event ('{1}', not '{2}'); nothing was merged (use --force to merge anyway)"),
        .mergeIntoItself: .init("{0}: en fil kan ikke flettes ind i sig selv", "{0}: a file cannot be merged into itself"),
        .mergeReportHeader: .init("Flettede {0} ind i {1}:", "Merged {0} into {1}:"),
        .mergeReportLine: .init("  {0}: {1} nye, {2} opdateret, {3} sprunget over",
                                "  {0}: {1} added, {2} updated, {3} skipped"),
        .mergeReportForced: .init("  Bemærk: {0} hører til et andet arrangement og blev flettet med --force.",
                                  "  Note: {0} belongs to another event and was merged with --force."),
        .mergeKindTables: .init("Borde", "Tables"),
        .mergeKindParticipants: .init("Deltagere", "Participants"),
        .mergeKindNotes: .init("Notater", "Notes"),
        .mergeKindRevisions: .init("Tidligere versioner", "Earlier versions"),
        .mergeKindAgreements: .init("Håndsoprækninger", "Shows of hands"),
        .mergeKindDrafts: .init("Kladder", "Drafts"),
        .mergeKindProgress: .init("Princippernes ure og faser", "The principles' clocks and phases"),
        .mergeKindCuration: .init("Kuratering (sammenlægninger, ejere, budskaber)", "Curation (merges, owners, key messages)"),
        .mergeNothingNew: .init("  Intet nyt: filen var allerede flettet ind.", "  Nothing new: the file was already merged."),

        .copyDone: .init("Kopierede {0} til {1} (samme arrangement, kan flettes tilbage med rundbord merge).",
                         "Copied {0} to {1} (the same event, can be merged back with rundbord merge)."),

        .mergeAbstract: .init("Flet bordenes arrangementsfiler ind i én; at flette to gange giver det samme som én gang.",
                              "Merge tables' event files into one; merging twice gives the same as merging once."),
        .copyAbstract: .init("Lav en fuldstændig kopi af en arrangementsfil, fx til et bords bærbare.",
                             "Make a complete copy of an event file, e.g. for a table's laptop."),
        .noteLinesAbstract: .init("Gem hver linje fra standardinput som sit eget notat; udskriver hvert id, når det ligger på disken.",
                                  "Save each line of standard input as its own note; prints each id once it is on disk."),
        .participantsImportAbstract: .init("Importér deltagere fra en CSV-fil (navn, organisation, e-mail, bord, må nævnes).",
                                           "Import participants from a CSV file (name, organisation, e-mail, table, named)."),
        .participantsSetAbstract: .init("Ret en deltager: bord, samtykke, navn, organisation, e-mail.",
                                        "Change a participant: table, consent, name, organisation, e-mail."),
        .participantsRemoveAbstract: .init("Fjern en deltager.", "Remove a participant."),
        .dashboardAbstract: .init("Vis alle borde på én gang: hovedprincip, fase, tid, antal og de stærkeste indsatser.",
                                  "Show every table at once: principle, phase, time, counts and the leading initiatives."),
        .forceHelp: .init("Flet også filer fra et andet arrangement.", "Also merge files from another event."),
        .skipBadHelp: .init("Importér de gode linjer og spring linjer med fejl over.", "Import the good lines and skip the bad ones."),
        .whoHelp: .init("Deltagerens id, e-mail eller navn.", "The participant's id, e-mail or name."),
        .mergeFromHelp: .init("De arrangementsfiler, der flettes ind; de bliver kun læst.",
                              "The event files to merge in; they are only read."),
        .mergeNoSources: .init("Angiv mindst én fil, der skal flettes ind.", "Give at least one file to merge in."),
        .copyNewHelp: .init("Den nye fil; den må ikke findes i forvejen.", "The new file; it must not exist."),
        .copyNoTarget: .init("Angiv navnet på den nye fil.", "Give the name of the new file."),
        .principleHelp: .init("Hovedprincippets nummer, fra 1.", "Principle number, 1-based."),
        .noteLinesKindHelp: .init("Alle linjers type; ellers bestemt af hver linjes første tegn (! indsats, ? spørgsmål).",
                                  "The kind of every line; by default from each line's prefix (! initiative, ? question)."),
        .rosterHelp: .init("Deltagerlisten: CSV med , eller ; og eventuelt en overskriftslinje (navn, organisation, e-mail, bord, må nævnes).",
                           "The roster: CSV with , or ; and an optional header row (name, organisation, e-mail, table, named)."),
        .setTableHelp: .init("Placér deltageren ved dette bord.", "Seat the participant at this table."),
        .setNoTableHelp: .init("Placér deltageren ved intet bord.", "Seat the participant at no table."),
        .setNamedHelp: .init("Deltageren har sagt ja til at blive nævnt i opsamlingen.",
                             "The participant agreed to be named in the harvest."),
        .setNotNamedHelp: .init("Deltageren må ikke nævnes i opsamlingen.", "The participant must not be named in the harvest."),
        .dashboardTopHelp: .init("Hvor mange indsatser der vises.", "How many initiatives to list."),
        .noteLinesEmptyLine: .init("linje {0} på standardinput er tom og blev sprunget over",
                                   "line {0} of standard input is empty and was skipped"),

        .dashboardHeader: .init("{0} — {1} {1|bord|borde}, {2} {2|notat|notater}, {3} {3|deltager|deltagere}",
                                 "{0} — {1} {1|table|tables}, {2} {2|note|notes}, {3} {3|participant|participants}"),
        .dashboardColumns: .init("Bord\tHovedprincip\tFase\tTid\tNotater\tIndsatser\tPrikker\tSidst",
                                 "Table\tPrinciple\tPhase\tTime\tNotes\tInitiatives\tDots\tLast"),
        .dashboardTopHeader: .init("Flest prikker:", "Most dots:"),
        .dashboardTotals: .init("Pr. hovedprincip:", "Per principle:"),
        .dashboardNever: .init("aldrig", "never"),
    ]
}
