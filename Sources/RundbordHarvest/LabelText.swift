import RundbordCore

/// The labels of note kinds, funding classes and the agreement scale in
/// both languages, for a harvest in another language than its vision's: an
/// English harvest of a Danish event says "Needs funding", not "Kræver
/// finansiering". The vision's own content (title, principles) stays as
/// written; only these labels are translated. (An event file keeps a copy
/// of its vision, so events made before this still get English labels.)
public enum LabelText: String, CatalogueKey {
    case point, idea, concern, question, quote, initiative
    case needsFunding, canStartNow, unclear
    case agree, partly, disagree, dontKnow

    public static let table: [LabelText: Translation] = [
        .point: .init("Pointe", "Point"), .idea: .init("Idé", "Idea"), .concern: .init("Bekymring", "Concern"),
        .question: .init("Spørgsmål", "Question"), .quote: .init("Citat", "Quote"), .initiative: .init("Indsats", "Initiative"),
        .needsFunding: .init("Kræver finansiering", "Needs funding"), .canStartNow: .init("Kan sættes i gang nu", "Can start now"),
        .unclear: .init("Uafklaret", "Unclear"),
        .agree: .init("Enig", "Agree"), .partly: .init("Delvist enig", "Partly agree"), .disagree: .init("Uenig", "Disagree"),
        .dontKnow: .init("Ved ikke", "Don't know"),
    ]

    static func key(_ kind: NoteKind) -> LabelText {
        switch kind {
        case .point: .point
        case .idea: .idea
        case .concern: .concern
        case .question: .question
        case .quote: .quote
        case .initiative: .initiative
        }
    }

    static func key(_ funding: FundingClass) -> LabelText {
        switch funding {
        case .needsFunding: .needsFunding
        case .canStartNow: .canStartNow
        case .unclear: .unclear
        }
    }

    static func key(_ level: AgreementLevel) -> LabelText {
        switch level {
        case .agree: .agree
        case .partly: .partly
        case .disagree: .disagree
        case .dontKnow: .dontKnow
        }
    }

    /// The vision with its labels in `language` when it is written in
    /// another; as it is when the languages agree (the organiser's own labels win).
    public static func labelled(_ vision: Vision, _ language: Language) -> Vision {
        guard vision.language != language.rawValue else { return vision }
        var v = vision
        v.noteKinds = v.noteKinds.map { NoteKindSpec(kind: $0.kind, label: key($0.kind).text(language), prefix: $0.prefix) }
        v.fundingLabels = Dictionary(uniqueKeysWithValues: FundingClass.allCases.map { ($0, key($0).text(language)) })
        v.agreementLabels = Dictionary(uniqueKeysWithValues: AgreementLevel.allCases.map { ($0, key($0).text(language)) })
        return v
    }
}
