import Foundation
import RundbordCore

/// What a harvest left out to respect consent, so it can say so truthfully.
public struct PrivacySummary: Sendable, Encodable, Equatable {
    /// Notes credited to a participant who is not named (no consent, or `--anonymous`): the credit is left out.
    public var creditsLeftOut = 0
    /// Participants of the harvested tables not in the participant list (no consent, or `--anonymous`).
    public var participantsLeftOut = 0
    /// Names of participants who are not named, found in notes, owners, horizons,
    /// credits and table hosts, replaced by "en deltager" / "a participant".
    public var namesReplaced = 0
    /// Such names kept in the text by the organiser's decision (never with `--anonymous`).
    public var namesKept = 0

    public init() {}
}

/// Names in free text: the one place a harvest replaces the names of
/// participants who may not be named. Pure: the input with every free text
/// (note, owner, horizon, a credit given as text, a table's host and
/// note-taker, the organiser's merged initiatives, owner aliases and key
/// messages) redacted, and how many names were replaced or kept. The
/// harvest builder calls it once, before it builds anything, so every
/// format (Markdown, text, mail, CSV, JSON, PDF) renders the same text.
public enum Redaction {
    /// Who may not be named: with `--anonymous` every participant, else those
    /// who have not agreed. `input.keptNames` holds the (note, participant)
    /// pairs the organiser chose to keep (ignored when anonymous). Notes the
    /// harvest leaves out (deleted, other tables) are left as they are.
    public static func apply(_ input: HarvestInput, options: HarvestOptions) -> (input: HarvestInput, summary: PrivacySummary) {
        let anonymous = options.anonymous, language = options.language
        var summary = PrivacySummary()
        let finder = NameFinder.hiding(input.participants, anonymous: anonymous)
        guard !finder.isEmpty else { return (input, summary) }
        let kept = anonymous ? [] : input.keptNames
        let words = (PrivacyText.aParticipant.text(language), PrivacyText.aParticipantCapital.text(language),
                     PrivacyText.aParticipantGenitive.text(language),
                     PrivacyText.aParticipantGenitiveCapital.text(language))
        func word(_ genitive: Bool, _ capital: Bool) -> String {
            switch (genitive, capital) {
            case (false, false): words.0
            case (false, true): words.1
            case (true, false): words.2
            case (true, true): words.3
            }
        }
        func redact(_ text: String, note: UUID?, counted: Bool = true) -> String {
            let result = finder.redact(text, hide: { ids in
                guard let note, !kept.isEmpty, ids.allSatisfy({ kept.contains(KeptName(noteId: note, participantId: $0)) }) else {
                    return true
                }
                summary.namesKept += 1
                return false
            }, word: word)
            if counted { summary.namesReplaced += result.replaced }
            return result.text
        }
        func redact(_ text: String?, note: UUID?) -> String? { text.map { redact($0, note: note) } }

        let harvested = Set(input.tables.filter { options.tables?.contains($0.number) ?? true }.map(\.id))
        var out = input
        for i in out.notes.indices where !out.notes[i].isDeleted && harvested.contains(out.notes[i].tableId) {
            let id = out.notes[i].id
            out.notes[i].text = redact(out.notes[i].text, note: id)
            out.notes[i].owner = redact(out.notes[i].owner, note: id)
            out.notes[i].horizon = redact(out.notes[i].horizon, note: id)
            out.notes[i].speakerOrganisation = redact(out.notes[i].speakerOrganisation, note: id)
        }
        // The organiser's curation; owner aliases are lookup keys (both sides, so
        // notes' redacted owners still find them), not counted as text shown.
        out.curation = out.curation.mappingTexts { text, isKey in redact(text, note: nil, counted: !isKey) }
        for i in out.tables.indices where harvested.contains(out.tables[i].id) {
            out.tables[i].host = redact(out.tables[i].host, note: nil)
            out.tables[i].noteTaker = redact(out.tables[i].noteTaker, note: nil)
        }
        return (out, summary)
    }
}
