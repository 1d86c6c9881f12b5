import Foundation

/// Strings of privacy by design: credits to known people or organisations,
/// names in free text, the rights of access and erasure, retention.
public enum PrivacyText: String, CatalogueKey {
    // The neutral word for a name left out.
    case aParticipant, aParticipantCapital, aParticipantGenitive, aParticipantGenitiveCapital
    // Credits
    case speakerUnknown, speakerUnknownNoneClose, speakerAmbiguous, speakerOrgIsPerson, speakerAndOrg
    case speakerHelp, speakerOrgHelp
    // Names in free text
    case statusNamesHeader, statusNamesNone, statusNameLine, statusNameReplaced, statusNameKept
    case fieldText, fieldOwner, fieldHorizon, fieldCredit
    case keepNameAbstract, keepNameNoteHelp, keepNameUndoHelp, keepNameDone, keepNameUndone, keepNameNowhere
    case keepNameConsented, keepNameNoSuchNote, mergeKindPrivacy
    // Access, erasure, retention
    case emailRemoved, dataAbstract, forgetAbstract, forgetYesHelp, forgetConfirm, forgetNotConfirmed, forgetNeedsYes
    case forgetDone, forgetNotCompacted, forgetContactsHelp, forgetContactsDone, compactHelp

    public static let table: [PrivacyText: Translation] = [
        .aParticipant: .init("en deltager", "a participant"),
        .aParticipantCapital: .init("En deltager", "A participant"),
        .aParticipantGenitive: .init("en deltagers", "a participant's"),
        .aParticipantGenitiveCapital: .init("En deltagers", "A participant's"),

        .speakerUnknown: .init(
            "«{0}» er ikke på deltagerlisten. Nærmeste: {1}. Tilføj personen med «rundbord participants add» (nævnes først, når samtykket er givet), eller kreditér en organisation med --speaker-org.",
            "'{0}' is not on the roster. Closest: {1}. Add the person with 'rundbord participants add' (named only once they consent), or credit an organisation with --speaker-org."),
        .speakerUnknownNoneClose: .init(
            "«{0}» er ikke på deltagerlisten, og intet navn på listen ligner. Tilføj personen med «rundbord participants add» (nævnes først, når samtykket er givet), eller kreditér en organisation med --speaker-org.",
            "'{0}' is not on the roster, and no name on it is close. Add the person with 'rundbord participants add' (named only once they consent), or credit an organisation with --speaker-org."),
        .speakerAmbiguous: .init(
            "«{0}» passer på flere deltagere: {1}. Skriv «Navn, Organisation» eller personens e-mailadresse.",
            "'{0}' matches several participants: {1}. Write 'Name, Organisation' or the person's e-mail address."),
        .speakerOrgIsPerson: .init(
            "«{0}» er en deltager på listen, ikke en organisation: kreditér personen med --speaker (deltagere nævnes kun med samtykke).",
            "'{0}' is a participant on the roster, not an organisation: credit the person with --speaker (participants are named only with consent)."),
        .speakerAndOrg: .init("--speaker og --speaker-org kan ikke bruges sammen: et notat krediteres én.",
                              "--speaker and --speaker-org cannot be used together: a note has one credit."),
        .speakerHelp: .init(
            "Hvem der sagde det: en deltager på listen (navn, «Navn, Organisation» eller e-mail; store og små bogstaver, accenter og mellemrum er ligegyldige) eller en kendt organisation.",
            "Who said it: a participant on the roster (name, 'Name, Organisation' or e-mail; case, accents and spacing do not matter) or a known organisation."),
        .speakerOrgHelp: .init("Kreditér en organisation (ikke en person).", "Credit an organisation (not a person)."),

        .statusNamesHeader: .init(
            "Navne i notaterne på deltagere, der ikke har sagt ja til at blive nævnt (opsamlingen skriver «en deltager»):",
            "Names in the notes of participants who have not agreed to be named (the harvest writes \"a participant\"):"),
        .statusNamesNone: .init("Ingen notater nævner deltagere, der ikke har sagt ja til at blive nævnt.",
                                "No note names a participant who has not agreed to be named."),
        .statusNameLine: .init("  Bord {0}, hovedprincip {1}, {2}: {3} — {4} [{5}]", "  Table {0}, principle {1}, {2}: {3} — {4} [{5}]"),
        .statusNameReplaced: .init("erstattes", "replaced"),
        .statusNameKept: .init("beholdes efter arrangørens valg", "kept by the organiser's choice"),
        .fieldText: .init("tekst", "text"),
        .fieldOwner: .init("ansvarlig", "owner"),
        .fieldHorizon: .init("horisont", "horizon"),
        .fieldCredit: .init("kreditering", "credit"),
        .keepNameAbstract: .init(
            "Behold en deltagers navn i notaterne i opsamlingen, selv om personen ikke nævnes (aldrig med --anonymous).",
            "Keep a participant's name in the notes of the harvest although they are not named (never with --anonymous)."),
        .keepNameNoteHelp: .init("Kun i dette notat (id, eller de første mindst 8 tegn af det, som vist af «rundbord status»).",
                                 "Only in this note (its id, or at least its first 8 characters, as 'rundbord status' shows)."),
        .keepNameUndoHelp: .init("Erstat navnet igen med «en deltager».", "Replace the name with \"a participant\" again."),
        .keepNameDone: .init("{0} beholdes nu ved navn i {1} {1|notat|notater}.", "{0} is now kept by name in {1} {1|note|notes}."),
        .keepNameUndone: .init("{0} erstattes igen med «en deltager» i {1} {1|notat|notater}.",
                               "{0} is again replaced by \"a participant\" in {1} {1|note|notes}."),
        .keepNameNowhere: .init("{0} står ikke i nogen af de valgte notater; intet er ændret.",
                                "{0} is not written in any of the chosen notes; nothing changed."),
        .keepNameConsented: .init("{0} har sagt ja til at blive nævnt; navnet står allerede i opsamlingen.",
                                  "{0} has agreed to be named; the name is already in the harvest."),
        .keepNameNoSuchNote: .init("intet notat har id «{0}» (brug mindst 8 tegn, som vist af «rundbord status»)",
                                   "no note has the id '{0}' (use at least 8 characters, as 'rundbord status' shows)"),
        .mergeKindPrivacy: .init("beholdte navne, samtykker og sletninger", "kept names, consents and erasures"),
        .emailRemoved: .init("(e-mailadresse fjernet)", "(e-mail address removed)"),
        .dataAbstract: .init(
            "Vis som JSON alt, hvad filen rummer om en deltager: deltagerlisten, samtykket og dets historik, og hvert notat (også tidligere udgaver), der krediterer eller nævner personen (indsigtsret).",
            "Print as JSON everything the file holds about a participant: the roster row, consent and its history, and every note (earlier versions too) that credits or names them (right of access)."),
        .forgetAbstract: .init(
            "Slet en deltager helt: fra deltagerlisten, alle krediteringer, tidligere udgaver og kladder; navnet erstattes i teksterne, og filen ryddes, så hverken navn eller e-mail kan findes i den (ret til sletning).",
            "Erase a participant entirely: from the roster, every credit, earlier version and draft; their name is replaced in texts and the file is cleaned so neither name nor e-mail can be found in it (right to erasure)."),
        .forgetYesHelp: .init("Slet uden at spørge (til scripts).", "Erase without asking (for scripts)."),
        .forgetConfirm: .init("Slet alt om {0} fra {1}? Det kan ikke fortrydes. Skriv ja for at slette: ",
                              "Erase everything about {0} from {1}? This cannot be undone. Type yes to erase: "),
        .forgetNotConfirmed: .init("Intet er slettet.", "Nothing was erased."),
        .forgetNeedsYes: .init("sletning skal bekræftes: kør kommandoen i en terminal, eller giv --yes",
                               "erasing must be confirmed: run the command in a terminal, or give --yes"),
        .forgetDone: .init(
            "Slettede {0}: {1} {1|kreditering|krediteringer} fjernet, {2} {2|notat|notater}, {3} {3|tidligere udgave|tidligere udgaver} og {4} {4|kladde|kladder} renset. Filen er ryddet.",
            "Erased {0}: {1} {1|credit|credits} removed, {2} {2|note|notes}, {3} {3|earlier version|earlier versions} and {4} {4|draft|drafts} cleaned. The file is cleaned."),
        .forgetNotCompacted: .init(
            "{0}: et andet program har filen åben, så gamle bytes kan stadig ligge i filen eller dens log; luk de andre programmer og kør «rundbord event {0} --compact».",
            "{0}: another program has the file open, so old bytes may still be in the file or its log; close the other programs and run 'rundbord event {0} --compact'."),
        .forgetContactsHelp: .init(
            "Fjern alle deltageres e-mailadresser (når opfølgningsmailen er sendt); arrangementet kan stadig høstes.",
            "Remove every participant's e-mail address (once the follow-up mail is sent); the event can still be harvested."),
        .compactHelp: .init("Ryd filen: skriv loggen ind i filen, og genopbyg den, så slettede bytes er væk.",
                            "Clean the file: copy its log into it and rebuild it, so erased bytes are gone."),
        .forgetContactsDone: .init("Fjernede {0} {0|e-mailadresse|e-mailadresser}; filen er ryddet.",
                                   "Removed {0} e-mail {0|address|addresses}; the file is cleaned."),
    ]
}
