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
        .mergeKindPrivacy: .init("beholdte navne og sletninger", "kept names and erasures"),
    ]
}
