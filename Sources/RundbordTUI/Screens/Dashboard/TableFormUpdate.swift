import Foundation
import RundbordCore
import RundbordStore

/// A table's name, host and note-taker, edited from the dashboard: what the
/// harvest's appendix shows for the table, the same three that
/// `rundbord table FILE N --name … --host … --note-taker …` sets.
public struct TableForm: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable { case name, host, noteTaker }
    public var number: Int
    public var field: Field = .name
    public var name = LineEditor()
    public var host = LineEditor()
    public var noteTaker = LineEditor()

    public init(number: Int, name: String = "", host: String = "", noteTaker: String = "") {
        self.number = number
        self.name.set(name); self.host.set(host); self.noteTaker.set(noteTaker)
    }

    public init(_ table: DashboardSnapshot.TableStatus) {
        self.init(number: table.number, name: table.name, host: table.host, noteTaker: table.noteTaker)
    }

    /// "Bord 2 · Kantinen · bordvært: Mette Ørsted · referent: ikke angivet":
    /// under the dashboard's list, and in the message once they are saved.
    static func details(number: Int, name: String, host: String, noteTaker: String, _ lang: Language) -> String {
        let name = Sanitize.line(name)
        let heading = name.isEmpty ? TUIText.dashboardTableHeading.text(lang, number)
            : TUIText.dashboardTableNamed.text(lang, number, name)
        func person(_ s: String) -> String { s.isEmpty ? TUIText.dashboardNotSet.text(lang) : Sanitize.line(s) }
        return TUIText.dashboardTableDetails.text(lang, heading, person(host), person(noteTaker))
    }

    subscript(field: Field) -> LineEditor {
        get {
            switch field {
            case .name: name
            case .host: host
            case .noteTaker: noteTaker
            }
        }
        set {
            switch field {
            case .name: name = newValue
            case .host: host = newValue
            case .noteTaker: noteTaker = newValue
            }
        }
    }
}

/// The table form's keys: three text fields, stored through the store as the CLI stores them.
extension AppUpdate {
    /// F2 on the dashboard: the selected table's details in the form.
    static func openTableForm(_ state: inout AppState) -> [Step] {
        guard var board = state.dashboard, let tables = board.snapshot?.tables, tables.indices.contains(board.row) else {
            return []
        }
        board.form = TableForm(tables[board.row])
        state.dashboard = board
        return []
    }

    static func editTableFormField(_ state: inout AppState, _ change: (inout LineEditor) -> Void) {
        guard var form = state.dashboard?.form else { return }
        change(&form[form.field])
        state.dashboard?.form = form
    }

    static func tableForm(_ state: inout AppState, _ command: Command) -> [Step] {
        guard var form = state.dashboard?.form else { return [] }
        let fields = TableForm.Field.allCases
        switch command {
        case .help, .redraw:
            return common(&state, command) ?? []
        case .back:
            state.dashboard?.form = nil
            return []
        case .nextField, .previousField:
            let i = form.field.rawValue + (command == .nextField ? 1 : -1)
            form.field = fields[(i + fields.count) % fields.count]
            state.dashboard?.form = form
            return []
        case .saveForm:
            // Cleaned to one line as the CLI cleans them; an empty field clears it.
            func clean(_ editor: LineEditor) -> String {
                Sanitize.line(editor.text).trimmingCharacters(in: .whitespaces)
            }
            let (name, host, noteTaker) = (clean(form.name), clean(form.host), clean(form.noteTaker))
            // The message says what was saved, as the line under the list will.
            let saved = TableForm.details(number: form.number, name: name, host: host, noteTaker: noteTaker, state.lang)
            return [.command(.setTableDetails(number: form.number, name: name, host: host, noteTaker: noteTaker,
                                              message: TUIText.messageTableSaved.text(state.lang, saved)))]
        default:
            editTableFormField(&state) { _ = edit(&$0, command) }
            return []
        }
    }

    /// The table's details are stored: the form closes and the dashboard is read again.
    static func tableDetailsStored(_ state: inout AppState, message: String) -> [AppEffect] {
        state.dashboard?.form = nil
        state.message = .init(text: message, isError: false)
        return state.dashboard != nil ? [.loadDashboard] : []
    }
}
