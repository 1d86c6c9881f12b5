import RundbordCore

/// Strings of the command line: help texts, reports, errors of arguments.
public enum CLIText: String, CatalogueKey {
    case abstract, discussion
    case newAbstract, statusAbstract, noteAbstract, voteAbstract, agreeAbstract
    case participantsAbstract, participantsAddAbstract, participantsListAbstract
    case templatesAbstract, templatesListAbstract, templatesShowAbstract, templatesValidateAbstract
    case langHelp, templatesHelp, fileHelp
    case created, defaultEventCreated, defaultEventAt, templateValid
    case statusHeader, statusTables, statusPrinciples, statusParticipants, statusTotal, statusDots, dashboardPrincipleCounts
    case statusTableLine, statusNoNotes, statusKindsHeader
    case badKind, badFunding, badDate, badTables, badEmail
    case noteNotInitiative, participantAdded, participantsNone, participantsHeader
    case yes, no
    // Help of the commands' options (every option has one, in both languages).
    case tableHelp, noteKindHelp, fundingHelp, ownerHelp, horizonHelp, noteTextHelp
    case initiativeHelp, dotsHelp, agreeHelp, partlyHelp, disagreeHelp, dontKnowHelp
    case nameHelp, orgHelp, emailHelp, seatHelp, namedHelp, newNameHelp, newOrgHelp, newEmailHelp
    case templateHelp, titleHelp, dateHelp, venueHelp, organiserHelp, organiserEmailHelp, tablesHelp
    case templateNameHelp, templateFileHelp
    case runAbstract, keysAbstract, markdownHelp, dashboardTextHelp, noBellHelp

    public static let table: [CLIText: Translation] = [
        .abstract: .init("Rundbordssamtaler: skriv ned ved bordene, mens der tales, og lav opsamlingen bagefter.",
                         "Round-table conversations: capture them live at the tables, then harvest them."),
        .discussion: .init("Uden argumenter åbnes standardarrangementet i dit datakatalog.",
                           "With no arguments, the default event in your data directory is opened."),
        .newAbstract: .init("Opret et arrangement fra en skabelon.", "Create an event from a template."),
        .statusAbstract: .init("Vis borde, hovedprincipper, antal notater pr. type og prikker.",
                               "Show tables, principles, note counts per kind and dots."),
        .noteAbstract: .init("Gem et notat; udskriver dets id, når det ligger sikkert på disken.",
                             "Save a note; prints its id once it is safely on disk."),
        .voteAbstract: .init("Sæt antallet af prikker på en indsats.", "Set the number of dots on an initiative."),
        .agreeAbstract: .init("Registrér håndsoprækning (enig/delvis/uenig/ved ikke) for et hovedprincip.",
                              "Record a show of hands (agree/partly/disagree/don't know) for a principle."),
        .participantsAbstract: .init("Deltagere: tilføj, vis, importér, ret og fjern.", "Participants: add, list, import, change and remove."),
        .participantsAddAbstract: .init("Tilføj en deltager.", "Add a participant."),
        .participantsListAbstract: .init("Vis deltagerne.", "List the participants."),
        .templatesAbstract: .init("Skabeloner: vis, læs og kontrollér.", "Templates: list, show and check."),
        .templatesListAbstract: .init("Vis de kendte visionsskabeloner.", "List the known vision templates."),
        .templatesShowAbstract: .init("Vis en skabelons hovedprincipper.", "Show a template's principles."),
        .templatesValidateAbstract: .init("Kontrollér en skabelonfil.", "Check a template file."),
        .langHelp: .init("Sprog: da eller en.", "Language: da or en."),
        .templatesHelp: .init("Mappe med skabeloner i stedet for de indbyggede.", "Folder of templates instead of the built-in ones."),
        .fileHelp: .init("Arrangementsfilen (.rundbord).", "The event file (.rundbord)."),
        .created: .init("Oprettede {0}: {1} {1|bord|borde} × {2} {2|hovedprincip|hovedprincipper}.", "Created {0}: {1} {1|table|tables} × {2} {2|principle|principles}."),
        .defaultEventCreated: .init("Oprettede standardarrangementet {0}.", "Created the default event {0}."),
        .defaultEventAt: .init("Arrangementsfil: {0}", "Event file: {0}"),
        .templateValid: .init("{0}: i orden ({1} {1|hovedprincip|hovedprincipper}).", "{0}: valid ({1} {1|principle|principles})."),
        .statusHeader: .init("{0} — {1}", "{0} — {1}"),
        .statusTables: .init("Borde: {0}", "Tables: {0}"),
        .statusPrinciples: .init("Hovedprincipper:", "Principles:"),
        .statusParticipants: .init("Deltagere: {0}", "Participants: {0}"),
        .statusTotal: .init("I alt", "Total"),
        .statusDots: .init("Prikker", "Dots"),
        .dashboardPrincipleCounts: .init("{0} {0|notat|notater}, {1} {1|prik|prikker}", "{0} {0|note|notes}, {1} {1|dot|dots}"),
        .statusTableLine: .init("Bord {0}", "Table {0}"),
        .statusNoNotes: .init("Ingen notater endnu.", "No notes yet."),
        .statusKindsHeader: .init("Notater pr. bord og type:", "Notes per table and kind:"),
        .badKind: .init("ukendt notattype '{0}'; brug en af: {1}", "unknown note kind '{0}'; use one of: {1}"),
        .badFunding: .init("ukendt finansiering '{0}'; brug en af: {1}", "unknown funding '{0}'; use one of: {1}"),
        .badDate: .init("datoen '{0}' skal skrives ÅÅÅÅ-MM-DD", "the date '{0}' must be written YYYY-MM-DD"),
        .badTables: .init("antal borde skal være 1 til 200, ikke {0}", "the number of tables must be 1 to 200, not {0}"),
        .badEmail: .init("e-mailadressen '{0}' er ugyldig", "the e-mail address '{0}' is not valid"),
        .noteNotInitiative: .init("--funding, --owner og --horizon gælder kun indsatser (--kind initiative)",
                                  "--funding, --owner and --horizon apply to initiatives only (--kind initiative)"),
        .participantAdded: .init("Tilføjede {0} ({1}).", "Added {0} ({1})."),
        .participantsNone: .init("Ingen deltagere endnu.", "No participants yet."),
        .participantsHeader: .init("Navn\tOrganisation\tE-mail\tBord\tMå nævnes", "Name\tOrganisation\tE-mail\tTable\tMay be named"),
        .yes: .init("ja", "yes"),
        .no: .init("nej", "no"),
        .tableHelp: .init("Bordets nummer.", "The table's number."),
        .noteKindHelp: .init("Notatets type; ellers bestemt af tekstens første tegn (! indsats, ? spørgsmål).",
                             "The note's kind; by default from the text's first character (! initiative, ? question)."),
        .fundingHelp: .init("Indsatsens finansiering.", "The initiative's funding."),
        .ownerHelp: .init("Hvem der skal handle på indsatsen.", "Who is to act on the initiative."),
        .horizonHelp: .init("Hvornår indsatsen kan ske, fx \"inden for et år\" eller \"1-2 år\".",
                             "When the initiative can happen, e.g. \"within a year\" or \"1-2 years\"."),
        .noteTextHelp: .init("Notatets tekst.", "The note's text."),
        .initiativeHelp: .init("Indsatsens id, som rundbord note udskrev det.", "The initiative's id, as printed by rundbord note."),
        .dotsHelp: .init("Antal prikker.", "The number of dots."),
        .agreeHelp: .init("Hænder for enig.", "Hands for agree."),
        .partlyHelp: .init("Hænder for delvis enig.", "Hands for partly agree."),
        .disagreeHelp: .init("Hænder for uenig.", "Hands for disagree."),
        .dontKnowHelp: .init("Hænder for ved ikke.", "Hands for don't know."),
        .nameHelp: .init("Deltagerens navn.", "The participant's name."),
        .orgHelp: .init("Deltagerens organisation.", "The participant's organisation."),
        .emailHelp: .init("Deltagerens e-mailadresse (opsamlingsmailen sendes dertil).",
                          "The participant's e-mail address (the follow-up mail goes there)."),
        .seatHelp: .init("Bordet, deltageren sidder ved.", "The table the participant sits at."),
        .namedHelp: .init("Deltageren har sagt ja til at blive nævnt i opsamlingen.",
                          "The participant agreed to be named in the harvest."),
        .newNameHelp: .init("Nyt navn.", "A new name."),
        .newOrgHelp: .init("Ny organisation.", "A new organisation."),
        .newEmailHelp: .init("Ny e-mailadresse.", "A new e-mail address."),
        .templateHelp: .init("Visionsskabelonen: et navn fra rundbord templates list eller en YAML-fil.",
                             "The vision template: a name from rundbord templates list or a YAML file."),
        .titleHelp: .init("Arrangementets titel (standard: visionens titel).", "The event's title (default: the vision's title)."),
        .dateHelp: .init("Datoen, ÅÅÅÅ-MM-DD (standard: i dag).", "The date, YYYY-MM-DD (default: today)."),
        .venueHelp: .init("Hvor arrangementet holdes.", "Where the event is held."),
        .organiserHelp: .init("Arrangøren.", "The organiser."),
        .organiserEmailHelp: .init("Arrangørens e-mailadresse (afsender af opsamlingsmailen).",
                                   "The organiser's e-mail address (the follow-up mail's sender)."),
        .tablesHelp: .init("Antal borde, 1 til 200.", "The number of tables, 1 to 200."),
        .templateNameHelp: .init("Skabelonens navn fra rundbord templates list.", "The template's name from rundbord templates list."),
        .templateFileHelp: .init("Skabelonfilen (YAML).", "The template file (YAML)."),
        .runAbstract: .init("Åbn et bords samtale i terminalen (notater, tid, afstemning, projektorvisning).",
                            "Open a table's session in the terminal (notes, timer, vote, projector view)."),
        .noBellHelp: .init("Ingen klokkelyd når tiden er gået (skærmen blinker stadig); også RUNDBORD_NO_BELL=1.",
                           "No bell when the time is up (the screen still flashes); also RUNDBORD_NO_BELL=1."),
        .keysAbstract: .init("Vis alle taster i bordvisningen.", "List every key of the table screen."),
        .markdownHelp: .init("Som Markdown (afsnittet om taster i README).", "As Markdown (the keys section of the README)."),
        .dashboardTextHelp: .init("Skriv tallene som tekst i stedet for at åbne skærmen.", "Print the numbers as text instead of opening the screen."),
    ]
}
