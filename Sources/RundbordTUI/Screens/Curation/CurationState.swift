import Foundation
import RundbordCore
import RundbordSuggest

/// What the curation screen shows, read from the file: the curation engine
/// over every note, its duplicate suggestions, and the event's details.
public struct CurationData: Sendable, Equatable {
    public var curator: Curator
    /// Pairs of `curator.initiatives` that may say the same (indexes into them).
    public var suggestions: [DuplicateSuggestion]
    public var event: Event

    public init(curator: Curator, suggestions: [DuplicateSuggestion], event: Event) {
        self.curator = curator; self.suggestions = suggestions; self.event = event
    }

    /// Reads it all for the screen: the suggestions are computed here, once
    /// per read, not on every frame.
    public init(curator: Curator, event: Event) {
        self.init(curator: curator, suggestions: DuplicateFinder.suggestions(for: curator, curator.initiatives), event: event)
    }
}

/// The organiser's curation screen: five tabs over one event.
public struct CurationScreenState: Sendable, Equatable {
    public enum Tab: Int, Sendable, CaseIterable { case initiatives, suggestions, owners, keyMessages, event }

    public var tab: Tab = .initiatives
    /// The selected row of each tab, by `Tab.rawValue`.
    public var rows: [Int] = Array(repeating: 0, count: Tab.allCases.count)
    /// Initiatives marked with Space for the next merge, in the order marked.
    public var marked: [UUID] = []
    /// Owner spellings marked with Space, to become the selected spelling.
    public var markedOwners: [String] = []
    public var form: CurationForm?
    /// The event as last read, with this screen's undo and redo (nil until read).
    public var session: CurationSession?
    public var suggestions: [DuplicateSuggestion] = []
    public var event: Event?
    /// What Ctrl-Z and Ctrl-Y would take back, in words, one per undo step.
    public var undoLabels: [String] = []
    public var redoLabels: [String] = []

    public init(tab: Tab = .initiatives) { self.tab = tab }

    public var row: Int {
        get { rows[tab.rawValue] }
        set { rows[tab.rawValue] = newValue }
    }

    public var curator: Curator? { session?.curator }
}

/// One form over the curation screen: an initiative's fields, a key message,
/// or the event's details. Each field remembers what it held when opened,
/// so only what the organiser changed is saved.
public struct CurationForm: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case initiative(UUID)
        /// A principle's key message, or the event's (nil).
        case keyMessage(String?)
        case event
    }

    public enum Role: Sendable, Equatable {
        case text, funding, owner, horizon, cost, decision
        case nextSteps, sender, senderEmail, recipients, links, attachments
    }

    public struct Field: Sendable, Equatable {
        public var role: Role
        public var label: CurationScreenText
        public var hint: CurationScreenText
        public var editor = LineEditor()
        /// Alt-Enter makes a new line; shown on `rows` rows.
        public var multiline = false
        public var rows = 1
        /// A choice field's values as shown; empty for a text field.
        public var choices: [String] = []
        public var choice = 0
        /// The text or choice when the form opened.
        public var initial: String = ""
        public var initialChoice = 0

        public var isChoice: Bool { !choices.isEmpty }
        public var isChanged: Bool { isChoice ? choice != initialChoice : editor.text != initial }

        init(_ role: Role, _ label: CurationScreenText, hint: CurationScreenText, text: String = "",
             multiline: Bool = false, rows: Int = 1) {
            self.role = role; self.label = label; self.hint = hint; self.multiline = multiline; self.rows = rows
            editor.set(text); initial = text
        }

        init(_ role: Role, _ label: CurationScreenText, choices: [String], chosen: Int) {
            self.role = role; self.label = label; hint = .hintChoice
            self.choices = choices; choice = chosen; initialChoice = chosen
        }
    }

    public var purpose: Purpose
    public var title: String
    public var fields: [Field]
    public var focus = 0

    public var focused: Field { fields[focus] }

    public func field(_ role: Role) -> Field? { fields.first { $0.role == role } }
}

extension CurationForm {
    /// The funding classes and decisions in the order the choice fields offer them.
    static let fundings = FundingClass.allCases
    static let decisions: [InitiativeDecision] = [.undecided, .political, .administrative]

    /// An initiative's text, funding, owner, horizon, estimated cost and the decision it needs.
    public static func initiative(_ i: CuratedInitiative, vision: Vision, _ lang: Language) -> CurationForm {
        CurationForm(purpose: .initiative(i.id), title: CurationScreenText.formInitiative.text(lang), fields: [
            Field(.text, .fieldText, hint: .hintMultiline, text: i.text, multiline: true, rows: 3),
            Field(.funding, .fieldFunding, choices: fundings.map(vision.label), chosen: fundings.firstIndex(of: i.funding) ?? 0),
            Field(.owner, .fieldOwner, hint: .hintText, text: i.owners.joined(separator: "; ")),
            Field(.horizon, .fieldHorizon, hint: .hintText, text: i.horizons.joined(separator: "; ")),
            Field(.cost, .fieldCost, hint: .hintCost, text: i.cost.map { String($0) } ?? ""),
            Field(.decision, .fieldDecision, choices: decisions.map { Curation.decisionText($0, lang) },
                  chosen: decisions.firstIndex(of: i.decision) ?? 0),
        ])
    }

    /// The key message of a principle (or of the event, `principleId` nil).
    public static func keyMessage(_ principleId: String?, title: String, text: String, _ lang: Language) -> CurationForm {
        CurationForm(purpose: .keyMessage(principleId), title: CurationScreenText.formKeyMessage.text(lang, title), fields: [
            Field(.text, .fieldText, hint: .hintMultiline, text: text, multiline: true, rows: 6),
        ])
    }

    /// What the harvest and the mail say around the tables' words: next
    /// steps, the sender (the contact person), who else the mail goes to,
    /// links and attachments.
    public static func event(_ event: Event, _ lang: Language) -> CurationForm {
        let links = event.links.map { $0.title.isEmpty ? $0.url : $0.title + " | " + $0.url }
        let attachments = event.attachments.map { a in a.path.map { a.name + " | " + $0 } ?? a.name }
        return CurationForm(purpose: .event, title: CurationScreenText.formEvent.text(lang), fields: [
            Field(.nextSteps, .fieldNextSteps, hint: .hintMultiline, text: event.nextSteps, multiline: true, rows: 5),
            Field(.sender, .fieldSender, hint: .hintText, text: event.organiser),
            Field(.senderEmail, .fieldSenderEmail, hint: .hintEmail, text: event.organiserEmail),
            Field(.recipients, .fieldRecipients, hint: .hintRecipients, text: event.extraRecipients.joined(separator: "\n"),
                  multiline: true, rows: 2),
            Field(.links, .fieldLinks, hint: .hintLinks, text: links.joined(separator: "\n"), multiline: true, rows: 2),
            Field(.attachments, .fieldAttachments, hint: .hintAttachments, text: attachments.joined(separator: "\n"),
                  multiline: true, rows: 2),
        ])
    }
}
