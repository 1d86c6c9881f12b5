import Foundation
import RundbordCore

/// Adding or editing one participant.
public struct ParticipantForm: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable { case name, organisation, email, table, consent }
    /// nil: a new participant.
    public var id: UUID?
    public var field: Field = .name
    public var name = LineEditor()
    public var organisation = LineEditor()
    public var email = LineEditor()
    public var tableNumber: Int?
    public var mayBeNamed = false

    public init(id: UUID? = nil, tableNumber: Int? = nil) { self.id = id; self.tableNumber = tableNumber }

    public init(editing p: Participant) {
        id = p.id
        name.set(p.name); organisation.set(p.organisation); email.set(p.email)
        tableNumber = p.tableNumber; mayBeNamed = p.mayBeNamed
    }

    public var isTextField: Bool { field == .name || field == .organisation || field == .email }
}

/// The participant form's keys: five fields, checked before the runner stores them.
extension AppUpdate {
    static func editFormField(_ state: inout AppState, _ change: (inout LineEditor) -> Void) {
        guard var form = state.roster?.form else { return }
        switch form.field {
        case .name: change(&form.name)
        case .organisation: change(&form.organisation)
        case .email: change(&form.email)
        case .table, .consent: return
        }
        state.roster?.form = form
    }

    static func typedInForm(_ state: inout AppState, _ text: String) {
        guard let form = state.roster?.form else { return }
        if form.isTextField {
            editFormField(&state) { $0.insert(text) }
        } else if form.field == .consent && text == " " {
            state.roster?.form?.mayBeNamed.toggle()
        }
    }

    static func participantForm(_ state: inout AppState, _ command: Command) -> [Step] {
        guard var form = state.roster?.form else { return [] }
        let fields = ParticipantForm.Field.allCases
        switch command {
        case .help, .redraw:
            return common(&state, command) ?? []
        case .back:
            state.roster?.form = nil
            return []
        case .nextField, .previousField:
            let i = form.field.rawValue + (command == .nextField ? 1 : -1)
            form.field = fields[(i + fields.count) % fields.count]
        case .previousValue, .nextValue:
            switch form.field {
            case .table:
                form.tableNumber = neighbourTable(form.tableNumber, state.tableNumbers, forward: command == .nextValue)
            case .consent:
                form.mayBeNamed.toggle()
            default:
                editFormField(&state) { _ = edit(&$0, command == .nextValue ? .cursorRight : .cursorLeft) }
                return []
            }
        case .saveForm:
            return saveForm(&state, form)
        default:
            editFormField(&state) { _ = edit(&$0, command) }
            return []
        }
        state.roster?.form = form
        return []
    }

    /// Checks the form (a name, a valid e-mail or none) and asks the run loop to store it.
    static func saveForm(_ state: inout AppState, _ form: ParticipantForm) -> [Step] {
        let name = Sanitize.line(form.name.text).trimmingCharacters(in: .whitespaces)
        let organisation = Sanitize.line(form.organisation.text).trimmingCharacters(in: .whitespaces)
        let email = Sanitize.line(form.email.text).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            state.roster?.form?.field = .name
            state.message = .init(text: TUIText.errorNameMissing.text(state.lang), isError: true)
            return []
        }
        guard email.isEmpty || EmailAddress.isValid(email) else {
            state.roster?.form?.field = .email
            state.message = .init(text: TUIText.errorBadEmail.text(state.lang, email), isError: true)
            return []
        }
        // A new participant gets its id from the run loop (the update function makes none).
        let existing = form.id.flatMap { id in state.participants.first { $0.id == id } }
        var person = existing ?? Participant(id: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!, name: name, updatedAt: state.now)
        person.name = name
        person.organisation = organisation
        person.email = email
        person.tableNumber = form.tableNumber
        person.mayBeNamed = form.mayBeNamed
        let isNew = existing == nil
        return [.command(.changeParticipants(.save(person, isNew: isNew),
                                             message: (isNew ? TUIText.messageParticipantAdded : .messageParticipantSaved)
                                                 .text(state.lang, person.name)))]
    }
}
