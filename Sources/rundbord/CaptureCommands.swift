import ArgumentParser
import Foundation
import RundbordCore
import RundbordStore

extension NoteKind: ExpressibleByArgument {}
extension FundingClass: ExpressibleByArgument {}

extension SessionRejection {
    var error: RundbordError { RundbordError(reason, exit: .dataError) }
}

/// Runs actions through the engine and persists their effects: the same
/// rules as the table screen, for scripts and for typing in paper notes.
struct ScriptedSession {
    let store: EventStore
    var session: TableSession

    init(file: String, table: Int, principle: Int?) throws(RundbordError) {
        store = try EventStore.open(path: file)
        session = try store.session(tableNumber: table, principleIndex: principle.map { $0 - 1 })
    }

    mutating func apply(_ action: SessionAction) throws(RundbordError) -> [SessionEffect] {
        do { return try session.reduce(action, .live) } catch { throw error.error }
    }
}

struct NoteCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "note", abstract: CLIText.noteAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(CLIText.tableHelp.text())) var table: Int
    @Option(name: .long, help: ArgumentHelp(MultiText.principleHelp.text())) var principle: Int
    @Option(name: .long, help: ArgumentHelp(CLIText.noteKindHelp.text())) var kind: NoteKind?
    @Option(name: .long, help: ArgumentHelp(PrivacyText.speakerHelp.text())) var speaker: String?
    @Option(name: .long, help: ArgumentHelp(PrivacyText.speakerOrgHelp.text())) var speakerOrg: String?
    @Option(name: .long, help: ArgumentHelp(CLIText.fundingHelp.text())) var funding: FundingClass?
    @Option(name: .long, help: ArgumentHelp(CLIText.ownerHelp.text())) var owner: String?
    @Option(name: .long, help: ArgumentHelp(CLIText.horizonHelp.text())) var horizon: String?
    @Argument(help: ArgumentHelp(CLIText.noteTextHelp.text())) var text: String

    func run() throws {
        if speaker != nil && speakerOrg != nil { throw RundbordError(PrivacyText.speakerAndOrg, exit: .usage) }
        var scripted = try ScriptedSession(file: file, table: table, principle: principle)
        let credited = try Speakers.resolve(person: speaker, organisation: speakerOrg, in: scripted.store)
        var effects = try scripted.apply(.addNote(text: text, kind: kind,
                                                  speakerId: credited.participant,
                                                  speakerOrganisation: credited.organisation))
        guard case .saveNote(let created)? = effects.last else { return }
        if funding != nil || owner != nil || horizon != nil {
            guard created.isInitiative else { throw RundbordError(CLIText.noteNotInitiative, exit: .usage) }
            if let funding { effects += try scripted.apply(.setFunding(created.id, funding)) }
            if let owner { effects += try scripted.apply(.setOwner(created.id, owner)) }
            if let horizon { effects += try scripted.apply(.setHorizon(created.id, horizon)) }
        }
        // The note and its details go to disk as one row, in one transaction.
        guard let final = scripted.session.note(created.id) else { return }
        try scripted.store.perform([.saveNote(final)])
        print(final.id.uuidString)
    }
}

/// Who a note is credited to: a participant on the roster or a known
/// organisation (`--speaker`), or an organisation given as one
/// (`--speaker-org`). An unknown name is refused with the closest roster
/// names, so nobody is credited by a name that escapes their consent.
enum Speakers {
    static func resolve(person: String?, organisation: String?,
                        in store: EventStore) throws(RundbordError) -> (participant: UUID?, organisation: String?) {
        guard person != nil || organisation != nil else { return (nil, nil) }
        let people = try store.participants()
        if let organisation {
            let clean = Sanitize.line(organisation).trimmingCharacters(in: .whitespaces)
            guard !clean.isEmpty else { throw RundbordError(CoreText.ruleEmptyText, exit: .dataError) }
            switch Credits.match(clean, people: people, organisations: []) {
            case .person, .ambiguous: throw RundbordError(PrivacyText.speakerOrgIsPerson, [clean], exit: .dataError)
            case .organisation, .unknown: return (nil, clean)
            }
        }
        let clean = Sanitize.line(person ?? "").trimmingCharacters(in: .whitespaces)
        let known = Credits.knownOrganisations(people: people, event: try store.event(),
                                               credited: try store.creditedOrganisations())
        switch Credits.match(clean, people: people, organisations: known) {
        case .person(let p): return (p.id, nil)
        case .organisation(let name): return (nil, name)
        case .ambiguous(let list):
            throw RundbordError(PrivacyText.speakerAmbiguous, [clean, Credits.describe(list)], exit: .dataError)
        case .unknown(let closest) where closest.isEmpty:
            throw RundbordError(PrivacyText.speakerUnknownNoneClose, [clean], exit: .dataError)
        case .unknown(let closest):
            throw RundbordError(PrivacyText.speakerUnknown, [clean, Credits.describe(closest)], exit: .dataError)
        }
    }
}

struct VoteCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "vote", abstract: CLIText.voteAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(CLIText.tableHelp.text())) var table: Int
    @Option(name: .long, help: ArgumentHelp(CLIText.initiativeHelp.text())) var initiative: String
    @Option(name: .long, help: ArgumentHelp(CLIText.dotsHelp.text())) var dots: Int

    func run() throws {
        let store = try EventStore.open(path: file)
        let owner = try store.table(number: table)
        guard let id = UUID(uuidString: initiative), let note = try store.note(id: id), note.tableId == owner.id,
              let index = owner.principleIds.firstIndex(of: note.principleId) else {
            throw RundbordError(CoreText.storeNoNote, [initiative], exit: .dataError)
        }
        var scripted = try ScriptedSession(file: file, table: table, principle: index + 1)
        try scripted.store.perform(try scripted.apply(.setDots(id, dots)))
    }
}

struct AgreeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "agree", abstract: CLIText.agreeAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(CLIText.tableHelp.text())) var table: Int
    @Option(name: .long, help: ArgumentHelp(MultiText.principleHelp.text())) var principle: Int
    @Option(name: .customLong("enig"), help: ArgumentHelp(CLIText.agreeHelp.text())) var agree: Int = 0
    @Option(name: .customLong("delvis"), help: ArgumentHelp(CLIText.partlyHelp.text())) var partly: Int = 0
    @Option(name: .customLong("uenig"), help: ArgumentHelp(CLIText.disagreeHelp.text())) var disagree: Int = 0
    @Option(name: .customLong("ved-ikke"), help: ArgumentHelp(CLIText.dontKnowHelp.text())) var dontKnow: Int = 0

    func run() throws {
        var scripted = try ScriptedSession(file: file, table: table, principle: principle)
        let tally = AgreementTally(agree: agree, partly: partly, disagree: disagree, dontKnow: dontKnow)
        try scripted.store.perform(try scripted.apply(.setAgreement(tally)))
    }
}

struct ParticipantsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "participants", abstract: CLIText.participantsAbstract.text(),
                             subcommands: [Add.self, List.self, Import.self, Change.self, Remove.self, KeepName.self,
                                           DataCommand.self, Forget.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add", abstract: CLIText.participantsAddAbstract.text())
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
        @Option(name: .long, help: ArgumentHelp(CLIText.nameHelp.text())) var name: String
        @Option(name: .long, help: ArgumentHelp(CLIText.orgHelp.text())) var org: String = ""
        @Option(name: .long, help: ArgumentHelp(CLIText.emailHelp.text())) var email: String = ""
        @Option(name: .long, help: ArgumentHelp(CLIText.seatHelp.text())) var table: Int?
        @Flag(name: .long, help: ArgumentHelp(CLIText.namedHelp.text())) var named = false

        func run() throws {
            let store = try EventStore.open(path: file)
            if let table { _ = try store.table(number: table) }
            let address = Sanitize.line(email)
            guard address.isEmpty || EmailAddress.isValid(address) else {
                throw RundbordError(CLIText.badEmail, [address], exit: .dataError)
            }
            let participant = Participant(id: UUID(), name: Sanitize.line(name), organisation: Sanitize.line(org),
                                          email: address, tableNumber: table, mayBeNamed: named, updatedAt: Date())
            guard !participant.name.isEmpty else { throw RundbordError(CoreText.ruleEmptyText, exit: .dataError) }
            try store.save(participant: participant)
            print(CLIText.participantAdded.text(.current, participant.name, participant.id.uuidString))
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: CLIText.participantsListAbstract.text())
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String

        func run() throws {
            let store = try EventStore.open(path: file, readOnly: true)
            let people = try store.participants()
            guard !people.isEmpty else { print(CLIText.participantsNone.text()); return }
            let lang = Language.current
            var rows = [CLIText.participantsHeader.text(lang).components(separatedBy: "\t")]
            for p in people {
                rows.append([p.name, p.organisation, p.email, p.tableNumber.map(String.init) ?? "-",
                             (p.mayBeNamed ? CLIText.yes : CLIText.no).text(lang)].map(Sanitize.line))
            }
            print(TextTable.render(rows))
        }
    }
}

struct TemplatesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "templates", abstract: CLIText.templatesAbstract.text(),
                             subcommands: [List.self, Show.self, Validate.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: CLIText.templatesListAbstract.text())
        }
        @OptionGroup var global: GlobalOptions
        func run() throws {
            for name in try global.library.visionNames() {
                let vision = try global.library.vision(name)
                print("\(name)\t\(Sanitize.line(vision.title))")
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: CLIText.templatesShowAbstract.text())
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(CLIText.templateNameHelp.text())) var name: String
        func run() throws {
            let vision = try global.library.vision(name)
            print(Sanitize.line(vision.title))
            if !vision.subtitle.isEmpty { print(Sanitize.line(vision.subtitle)) }
            for (i, p) in vision.principles.enumerated() {
                print("\n\(i + 1). \(Sanitize.line(p.title)) [\(p.minutes) min]")
                print("   " + Sanitize.line(p.summary))
                for q in p.questions { print("   - " + Sanitize.line(q)) }
            }
        }
    }

    struct Validate: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "validate", abstract: CLIText.templatesValidateAbstract.text())
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(CLIText.templateFileHelp.text())) var file: String
        func run() throws {
            let vision = try TemplateLibrary.visionFile(file)
            print(CLIText.templateValid.text(.current, file, vision.principles.count))
        }
    }
}
