import ArgumentParser
import Foundation
import RundbordCore
import RundbordHarvest
import RundbordStore

/// `rundbord event FILE [changes]`: the organiser's part of the harvest: next
/// steps, links (e.g. the news item), the mail's sender and the attachments
/// (bilag). Without options it shows them; with options it changes them in
/// one save and shows the result.
struct EventSettingsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "event", abstract: HarvestText.eventAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpNextSteps.text())) var nextSteps: String?
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpNextStepsFile.text())) var nextStepsFile: String?
    @Flag(name: .long, help: ArgumentHelp(HarvestText.helpClearNextSteps.text())) var clearNextSteps = false
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpAddLink.text())) var addLink: String?
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpLinkTitle.text())) var linkTitle: String?
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpRemoveLink.text())) var removeLink: Int?
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpSenderName.text())) var senderName: String?
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpSenderEmail.text())) var senderEmail: String?
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpAddRecipient.text())) var addRecipient: [String] = []
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpRemoveRecipient.text())) var removeRecipient: String?
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpAddAttachment.text())) var addAttachment: String?
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpAttachmentPath.text())) var path: String?
    @Option(name: .long, help: ArgumentHelp(HarvestText.helpRemoveAttachment.text())) var removeAttachment: Int?
    @Flag(name: .long, help: ArgumentHelp(PrivacyText.forgetContactsHelp.text())) var forgetContacts = false
    @Flag(name: .long, help: ArgumentHelp(PrivacyText.compactHelp.text())) var compact = false

    func run() throws {
        let store = try EventStore.open(path: file)
        defer { store.close() }
        var event = try store.event()
        let before = event
        try apply(to: &event)
        if event != before { try store.save(event: event) }
        print(Self.describe(event, Language.current))
        if forgetContacts {
            let (count, compacted) = try store.forgetContacts()
            print(PrivacyText.forgetContactsDone.text(.current, count))
            if !compacted { throw RundbordError(PrivacyText.forgetNotCompacted, [file], exit: .tempFail) }
        }
        if compact, !(try store.compact()) {
            throw RundbordError(PrivacyText.forgetNotCompacted, [file], exit: .tempFail)
        }
    }

    /// Applies every requested change to `event`, checking all before anything is saved.
    func apply(to event: inout Event) throws(RundbordError) {
        if path != nil && addAttachment == nil { throw RundbordError(HarvestText.pathNeedsAttachment, exit: .usage) }
        if linkTitle != nil && addLink == nil {
            throw RundbordError(HarvestText.optionOnlyFor, ["--link-title", "--add-link"], exit: .usage)
        }
        if clearNextSteps { event.nextSteps = "" }
        if let nextSteps { event.nextSteps = Self.cleanText(nextSteps) }
        if let nextStepsFile { event.nextSteps = Self.cleanText(try Self.read(nextStepsFile)) }
        if let n = removeLink {
            guard event.links.indices.contains(n - 1) else {
                throw RundbordError(HarvestText.noSuchLink, [n, event.links.count], exit: .usage)
            }
            event.links.remove(at: n - 1)
        }
        if let url = addLink {
            let clean = Sanitize.line(url)
            guard EventLink.isValid(clean) else {
                throw RundbordError(HarvestText.badURL, [clean], exit: .usage)
            }
            event.links.append(EventLink(title: Sanitize.line(linkTitle ?? ""), url: clean))
        }
        if let name = senderName { event.organiser = Sanitize.line(name) }
        if let email = senderEmail {
            let clean = Sanitize.line(email)
            guard clean.isEmpty || EmailAddress.isValid(clean) else {
                throw RundbordError(HarvestText.badSenderEmail, [clean], exit: .dataError)
            }
            event.organiserEmail = clean
        }
        if let gone = removeRecipient.map(Sanitize.line) {
            let index = Int(gone).map { $0 - 1 } ?? event.extraRecipients.firstIndex { $0.lowercased() == gone.lowercased() }
            guard let index, event.extraRecipients.indices.contains(index) else {
                throw RundbordError(HarvestText.noSuchRecipient, [gone, event.extraRecipients.count], exit: .usage)
            }
            event.extraRecipients.remove(at: index)
        }
        for address in addRecipient.map(Sanitize.line) {
            guard Exporter.isMailable(address) else { throw RundbordError(MailText.badRecipient, [address], exit: .dataError) }
            if !event.extraRecipients.contains(where: { $0.lowercased() == address.lowercased() }) {
                event.extraRecipients.append(address)
            }
        }
        if let n = removeAttachment {
            guard event.attachments.indices.contains(n - 1) else {
                throw RundbordError(HarvestText.noSuchAttachment, [n, event.attachments.count], exit: .usage)
            }
            event.attachments.remove(at: n - 1)
        }
        if let name = addAttachment.map(Sanitize.line), !name.isEmpty {
            // Stored absolute, so the export finds it from any working directory.
            let file = path.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            if let file, !FileManager.default.fileExists(atPath: file) {
                throw RundbordError(HarvestText.attachmentMissing, [name, file], exit: .noInput)
            }
            let attachment = EventAttachment(name: name, path: file)
            if let i = event.attachments.firstIndex(where: { $0.name == name }) {
                event.attachments[i] = attachment
            } else {
                event.attachments.append(attachment)
            }
        }
    }

    /// Multi-line text without control characters or trailing blank lines.
    static func cleanText(_ text: String) -> String {
        Sanitize.multiline(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func read(_ path: String) throws(RundbordError) -> String {
        do {
            let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: path))
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw RundbordError(HarvestText.nextStepsUnreadable, [path, Localized.reason(error)], exit: .noInput)
        }
    }

    static func describe(_ event: Event, _ lang: Language) -> String {
        let none = HarvestText.showNone.text(lang)
        var lines = [Sanitize.forTerminal(event.title) + " — " + Sanitize.forTerminal(event.date)]
        lines.append(HarvestText.showSender.text(lang, Sanitize.forTerminal(event.organiser.isEmpty ? none : event.organiser),
                                                 Sanitize.forTerminal(event.organiserEmail)))
        lines.append(HarvestText.showRecipients.text(lang))
        lines += event.extraRecipients.isEmpty ? ["  " + none]
            : event.extraRecipients.enumerated().map { "  \($0 + 1). " + Sanitize.forTerminal($1) }
        lines.append(HarvestText.showNextSteps.text(lang))
        let steps = Sanitize.multiline(event.nextSteps).components(separatedBy: "\n").map(Sanitize.forTerminal)
        lines += event.nextSteps.isEmpty ? ["  " + none] : steps.map { "  " + $0 }
        lines.append(HarvestText.showLinks.text(lang))
        if event.links.isEmpty { lines.append("  " + none) }
        for (i, link) in event.links.enumerated() {
            let title = link.title.isEmpty ? "" : Sanitize.forTerminal(link.title) + ": "
            lines.append("  \(i + 1). " + title + Sanitize.forTerminal(link.url))
        }
        lines.append(HarvestText.showAttachments.text(lang))
        if event.attachments.isEmpty { lines.append("  " + none) }
        for (i, a) in event.attachments.enumerated() {
            var line = "  \(i + 1). " + Sanitize.forTerminal(a.name)
            if let path = a.path {
                line += " — " + Sanitize.forTerminal(path)
                if !FileManager.default.fileExists(atPath: path) { line += " " + HarvestText.showFileMissing.text(lang) }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
