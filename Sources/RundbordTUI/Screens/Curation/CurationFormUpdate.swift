import Foundation
import RundbordCore
import RundbordHarvest

/// The curation form's keys, and what saving it asks of the engine: only
/// the fields the organiser changed are saved, and a value that cannot be
/// saved (a cost that is not kroner, a link that is not a link) is refused
/// with the form still open.
extension AppUpdate {
    static func editCurationField(_ state: inout AppState, _ change: (inout LineEditor) -> Void) {
        guard var form = state.curation?.form, !form.focused.isChoice else { return }
        change(&form.fields[form.focus].editor)
        state.curation?.form = form
    }

    /// Typed text goes in as typed; pasted text keeps its new lines only in
    /// a field of several lines (elsewhere they become spaces).
    static func typedInCurationForm(_ state: inout AppState, _ text: String, pasted: Bool = false) {
        guard let form = state.curation?.form else { return }
        let clean = !pasted || form.focused.multiline ? text : Sanitize.line(text)
        editCurationField(&state) { $0.insert(clean) }
    }

    static func curationForm(_ state: inout AppState, _ command: Command) -> [Step] {
        guard var form = state.curation?.form else { return [] }
        switch command {
        case .help, .redraw, .quit:
            return common(&state, command) ?? []
        case .back:
            state.curation?.form = nil
            return []
        case .nextField, .previousField:
            let n = form.fields.count
            form.focus = (form.focus + (command == .nextField ? 1 : n - 1)) % n
        case .previousValue, .nextValue:
            guard form.focused.isChoice else {
                editCurationField(&state) { _ = edit(&$0, command == .nextValue ? .cursorRight : .cursorLeft) }
                return []
            }
            let n = form.focused.choices.count
            form.fields[form.focus].choice = (form.focused.choice + (command == .nextValue ? 1 : n - 1)) % n
        case .newline:
            if form.focused.multiline { editCurationField(&state) { $0.insert("\n") } }
            return []
        case .saveForm:
            return saveCurationForm(&state, form)
        default:
            editCurationField(&state) { _ = edit(&$0, command) }
            return []
        }
        state.curation?.form = form
        return []
    }

    static func saveCurationForm(_ state: inout AppState, _ form: CurationForm) -> [Step] {
        guard let curator = state.curation?.curator else { return [] }
        let lang = state.lang, now = state.now
        func refuse(_ text: String, at role: CurationForm.Role) -> [Step] {
            if let i = form.fields.firstIndex(where: { $0.role == role }) { state.curation?.form?.focus = i }
            state.message = .init(text: text, isError: true)
            return []
        }
        switch form.purpose {
        case .initiative(let id):
            var edit = InitiativeEdit()
            for field in form.fields where field.isChanged {
                let text = field.editor.text.trimmingCharacters(in: .whitespaces)
                switch field.role {
                case .text: edit.text = field.editor.text
                case .funding: edit.funding = CurationForm.fundings[field.choice]
                case .owner: edit.owner = .some(text.isEmpty ? nil : text)
                case .horizon: edit.horizon = .some(text.isEmpty ? nil : text)
                case .cost:
                    if text.isEmpty {
                        edit.cost = .some(nil)
                    } else if let kroner = Curation.parseCost(text) {
                        edit.cost = .some(kroner)
                    } else {
                        return refuse(CurationScreenText.errorCost.text(lang, Sanitize.line(text)), at: .cost)
                    }
                case .decision: edit.decision = CurationForm.decisions[field.choice]
                default: break
                }
            }
            let title = form.field(.text)?.editor.text ?? ""
            return closeFormAfter(&state, CurationScreenText.messageEdited.text(lang, short(title)), select: id) { c throws(RundbordError) in
                try c.set(id, edit, now: now)
            }
        case .keyMessage(let principleId):
            let text = form.field(.text)?.editor.text ?? ""
            let message = CurationScreenText.messageKeyMessage.text(lang, keyMessageTitle(principleId, curator.vision, lang))
            return closeFormAfter(&state, message, select: nil) { c throws(RundbordError) in try c.keyMessage(principleId, text: text, now: now) }
        case .event:
            guard let before = state.curation?.event else { return [] }
            var event = before
            for field in form.fields {
                let text = field.editor.text
                switch field.role {
                case .nextSteps: event.nextSteps = Sanitize.multiline(text).trimmingCharacters(in: .whitespacesAndNewlines)
                case .sender: event.organiser = Sanitize.line(text).trimmingCharacters(in: .whitespaces)
                case .senderEmail:
                    let email = Sanitize.line(text).trimmingCharacters(in: .whitespaces)
                    guard email.isEmpty || EmailAddress.isValid(email) else {
                        return refuse(CurationScreenText.errorEmail.text(lang, email), at: .senderEmail)
                    }
                    event.organiserEmail = email
                case .recipients:
                    guard field.isChanged else { break }
                    // One a line, or separated by commas or semicolons, as addresses are pasted from a mail.
                    let addresses = Sanitize.multiline(text).split(whereSeparator: { ",;\n".contains($0) })
                        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    event.extraRecipients = []
                    for address in addresses {
                        guard Exporter.isMailable(address) else {
                            return refuse(CurationScreenText.errorRecipient.text(lang, address), at: .recipients)
                        }
                        if !event.extraRecipients.contains(where: { $0.lowercased() == address.lowercased() }) {
                            event.extraRecipients.append(address)
                        }
                    }
                case .links:
                    guard field.isChanged else { break }
                    event.links = []
                    for (n, line) in lines(text) {
                        let (title, url) = split(line)
                        guard EventLink.isValid(url) else {
                            return refuse(CurationScreenText.errorLink.text(lang, n, url), at: .links)
                        }
                        event.links.append(EventLink(title: title, url: url))
                    }
                case .attachments:
                    guard field.isChanged else { break }
                    event.attachments = []
                    for (n, line) in lines(text) {
                        let (name, path) = split(line)
                        // Written the other way round from a link: the name first, the file after the bar.
                        let file = name.isEmpty ? nil : path.isEmpty ? nil : URL(fileURLWithPath: path).standardizedFileURL.path
                        if let file, !FileManager.default.fileExists(atPath: file) {
                            return refuse(CurationScreenText.errorAttachment.text(lang, n, file), at: .attachments)
                        }
                        event.attachments.append(EventAttachment(name: name.isEmpty ? path : name, path: file))
                    }
                default: break
                }
            }
            state.curation?.form = nil
            guard event != before else {
                state.message = .init(text: CurationScreenText.messageNothingChanged.text(lang), isError: false)
                return []
            }
            return [.command(.saveEvent(event, message: CurationScreenText.messageEventSaved.text(lang)))]
        }
    }

    /// Closes the form once the engine accepts the change; a refusal keeps it open and says why.
    static func closeFormAfter(_ state: inout AppState, _ message: String, select: UUID?,
                               _ make: (Curator) throws(RundbordError) -> [CurationChange]) -> [Step] {
        guard let curator = state.curation?.curator else { return [] }
        do {
            let changes = try make(curator)
            state.curation?.form = nil
            return record(&state, changes, message, select: select)
        } catch {
            state.message = .init(text: error.message(state.lang), isError: true)
            return []
        }
    }

    /// The non-empty lines of a field, numbered from 1 as the organiser counts them.
    static func lines(_ text: String) -> [(Int, String)] {
        Sanitize.multiline(text).components(separatedBy: "\n").enumerated()
            .map { ($0 + 1, $1.trimmingCharacters(in: .whitespaces)) }.filter { !$0.1.isEmpty }
    }

    /// "Titel | https://…" as (title, url); a line without a bar is all url (or all name).
    static func split(_ line: String) -> (String, String) {
        guard let bar = line.lastIndex(of: "|") else { return ("", line) }
        return (line[..<bar].trimmingCharacters(in: .whitespaces), line[line.index(after: bar)...].trimmingCharacters(in: .whitespaces))
    }
}
