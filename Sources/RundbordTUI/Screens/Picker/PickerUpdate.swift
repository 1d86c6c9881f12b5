import Foundation
import RundbordCore

/// The speaker picker: type to filter the table's participants and the organisations.
public struct PickerState: Sendable, Equatable {
    public enum Target: Sendable, Equatable { case draft, note(UUID) }
    public var target: Target
    public var filter = LineEditor()
    public var index = 0
}

/// The speaker picker's keys and its list.
extension AppUpdate {
    /// One line of the picker: who would be credited.
    public struct Candidate: Sendable, Equatable {
        public var speaker: Speaker?
        public var label: String
    }

    /// The table's participants, then the organisations (the vision's and the
    /// participants'), filtered by the typed text; a typed name that matches
    /// nothing can be used as it is; "nobody" clears the credit.
    public static func candidates(_ state: AppState) -> [Candidate] {
        let filter = Sanitize.line(state.picker?.filter.text ?? "")
        func matches(_ s: String) -> Bool {
            filter.isEmpty || s.range(of: filter, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
        var out: [Candidate] = []
        if filter.isEmpty { out.append(Candidate(speaker: nil, label: TUIText.pickerNobody.text(state.lang))) }
        for p in state.tableParticipants where matches(p.name) || matches(p.organisation) {
            let label = p.organisation.isEmpty ? p.name : "\(p.name) (\(p.organisation))"
            out.append(Candidate(speaker: .participant(p.id), label: label))
        }
        var seen = Set<String>()
        let organisations = state.vision.organisations + state.tableParticipants.map(\.organisation)
            + state.participants.map(\.organisation)
        for org in organisations where !org.isEmpty && matches(org) && seen.insert(org.lowercased()).inserted {
            out.append(Candidate(speaker: .organisation(org), label: org))
        }
        if !filter.isEmpty && !seen.contains(filter.lowercased()) {
            out.append(Candidate(speaker: .organisation(filter), label: TUIText.pickerFreeText.text(state.lang, filter)))
        }
        return out
    }

    static func picker(_ state: inout AppState, _ command: Command, _ key: Key) -> [Step] {
        guard var picker = state.picker else { return [] }
        let count = candidates(state).count
        switch command {
        case .back:
            state.picker = nil
            return []
        case .selectUp:
            picker.index = max(0, picker.index - 1)
        case .selectDown:
            picker.index = min(max(0, count - 1), picker.index + 1)
        case .confirmNumber, .complete:
            let list = candidates(state)
            guard list.indices.contains(picker.index) else { return [] }
            let chosen = list[picker.index].speaker
            state.picker = nil
            switch picker.target {
            case .draft:
                state.draftSpeaker = chosen
                return []
            case .note(let id):
                var speakerId: UUID?
                var organisation: String?
                switch chosen {
                case .participant(let pid)?: speakerId = pid
                case .organisation(let name)?: organisation = name
                case nil: break
                }
                return [.engine(.attribute(id, speakerId: speakerId, organisation: organisation),
                                 after: .message(.messageCredited))]
            }
        default:
            if edit(&picker.filter, command) { picker.index = 0 }
        }
        state.picker = picker
        return []
    }
}
