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
/// participants who may not be named. Pure: every free text (note, owner,
/// horizon, a credit given as text, a table's host and note-taker, the
/// organiser's merged initiatives, owner aliases and key messages) is
/// redacted, and how many names were replaced or kept is counted. The
/// harvest (`HarvestFrame`) redacts the tables and the curation once and
/// each note as it is harvested, whether the notes come all at once or a
/// piece at a time, and the streamed notes CSV (`NotesStream`) each note it
/// reads, so every format (Markdown, text, mail, CSV, JSON, PDF) renders the
/// same text. With `--anonymous` nobody is named, else those who have not
/// agreed are not; the (note, participant) pairs the organiser chose to keep
/// are kept (never when anonymous). Notes the harvest leaves out (deleted,
/// other tables) are left as they are.
public struct NoteRedactor {
    let finder: NameFinder
    let kept: Set<KeptName>
    let words: (String, String, String, String)

    /// Nil when nobody's name is to be hidden.
    public init?(participants: [Participant], keptNames: Set<KeptName>, options: HarvestOptions) {
        let anonymous = options.anonymous, language = options.language
        finder = NameFinder.hiding(participants, anonymous: anonymous)
        guard !finder.isEmpty else { return nil }
        kept = anonymous ? [] : keptNames
        words = (PrivacyText.aParticipant.text(language), PrivacyText.aParticipantCapital.text(language),
                 PrivacyText.aParticipantGenitive.text(language),
                 PrivacyText.aParticipantGenitiveCapital.text(language))
    }

    func word(_ genitive: Bool, _ capital: Bool) -> String {
        switch (genitive, capital) {
        case (false, false): words.0
        case (false, true): words.1
        case (true, false): words.2
        case (true, true): words.3
        }
    }

    func redact(_ text: String, note: UUID?, _ summary: inout PrivacySummary, counted: Bool = true) -> String {
        var keptHere = 0
        let kept = self.kept
        let result = finder.redact(text, hide: { ids in
            guard let note, !kept.isEmpty, ids.allSatisfy({ kept.contains(KeptName(noteId: note, participantId: $0)) }) else {
                return true
            }
            keptHere += 1
            return false
        }, word: word)
        summary.namesKept += keptHere
        if counted { summary.namesReplaced += result.replaced }
        return result.text
    }

    func redact(_ text: String?, note: UUID?, _ summary: inout PrivacySummary) -> String? {
        text.map { redact($0, note: note, &summary) }
    }

    /// A note's free texts: its text, owner, horizon and credit given as text.
    public func redact(_ note: inout Note, _ summary: inout PrivacySummary) {
        let id = note.id
        note.text = redact(note.text, note: id, &summary)
        note.owner = redact(note.owner, note: id, &summary)
        note.horizon = redact(note.horizon, note: id, &summary)
        note.speakerOrganisation = redact(note.speakerOrganisation, note: id, &summary)
    }
}
