import Foundation

/// Strings of privacy by design: credits to known people or organisations,
/// names in free text, the rights of access and erasure, retention.
public enum PrivacyText: String, CatalogueKey {
    // The neutral word for a name left out.
    case aParticipant, aParticipantCapital, aParticipantGenitive, aParticipantGenitiveCapital
    // Credits
    case speakerUnknown, speakerUnknownNoneClose, speakerAmbiguous, speakerOrgIsPerson, speakerAndOrg
    case speakerHelp, speakerOrgHelp

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
    ]
}
