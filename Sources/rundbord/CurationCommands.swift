import ArgumentParser
import Foundation
import RundbordCore
import RundbordStore
import RundbordSuggest

extension InitiativeDecision: ExpressibleByArgument {}

/// `rundbord initiatives …`: the organiser's curation from the command line,
/// through the same engine as the curation screen (`Curator`).
struct InitiativesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "initiatives", abstract: CurationText.initiativesAbstract.text(),
                             subcommands: [InitiativesList.self, InitiativesSuggest.self, InitiativesMerge.self,
                                           InitiativesSplit.self, InitiativesSet.self],
                             defaultSubcommand: InitiativesList.self)
    }
}

/// What the curation commands share: opening the file, naming ids and principles, saving.
enum Curating {
    static func open(_ file: String) throws(RundbordError) -> (EventStore, Curator) {
        let store = try EventStore.open(path: file)
        return (store, try store.curator())
    }

    static func initiativeId(_ typed: String, _ curator: Curator) throws(RundbordError) -> UUID {
        try Curation.resolve(typed, among: curator.knownIds)
    }

    /// A principle named by its number (from 1) or its id.
    static func principle(_ typed: String, _ vision: Vision) throws(RundbordError) -> Principle {
        let clean = Sanitize.line(typed).trimmingCharacters(in: .whitespaces)
        if let n = Int(clean), vision.principles.indices.contains(n - 1) { return vision.principles[n - 1] }
        if let found = vision.principle(id: clean) { return found }
        throw RundbordError(CurationText.unknownPrinciple, [clean], exit: .usage)
    }

    static func number(of principleId: String, _ vision: Vision) -> String {
        vision.principles.firstIndex { $0.id == principleId }.map { String($0 + 1) } ?? Sanitize.line(principleId)
    }

    /// One initiative as text: a heading line, its text, its details, its notes.
    static func describe(_ ranked: RankedCuratedInitiative, _ curator: Curator, _ lang: Language) -> [String] {
        let i = ranked.initiative
        var heading = [CurationText.listHeading.text(lang, ranked.rank.number)]
        if let place = ranked.rank.placeText(lang) { heading.append(CurationText.listPlace.text(lang, place)) }
        heading += [CurationText.listDots.text(lang, i.dots), ranked.rank.supportText(lang), "id \(Curation.shortId(i.id))"]
        let details = Curation.details(i, vision: curator.vision, lang)
        var lines = [heading.joined(separator: " · "), "  " + Sanitize.line(i.text), "  " + details.joined(separator: " · ")]
        for source in i.sources {
            lines.append("    " + CurationText.listSource.text(lang, Curation.shortId(source.noteId), source.table,
                                                               number(of: source.principleId, curator.vision), source.dots,
                                                               Sanitize.line(source.text)))
        }
        return lines.map(Sanitize.forTerminal)
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// The initiatives as `initiatives --json` writes them.
struct InitiativeJSON: Encodable {
    struct Source: Encodable {
        var noteId: String
        var table: Int
        var principle: String
        var text: String
        var dots: Int
    }
    var id: String
    var shortId: String
    var number: Int
    var place: String?
    var text: String
    var dots: Int
    var tables: [Int]
    var totalTables: Int
    var support: String
    var principles: [String]
    var funding: String
    var fundingDisputed: Bool
    var owners: [String]
    var horizons: [String]
    var decision: String
    var cost: Int?
    var merged: Bool
    var sources: [Source]

    enum CodingKeys: String, CodingKey {
        case id, shortId, number, place, text, dots, tables, totalTables, support, principles, funding
        case fundingDisputed, owners, horizons, decision, cost, merged, sources
    }

    /// Every key always there (null when not set), so scripts can rely on them.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(shortId, forKey: .shortId); try c.encode(number, forKey: .number)
        try c.encode(place, forKey: .place); try c.encode(text, forKey: .text); try c.encode(dots, forKey: .dots)
        try c.encode(tables, forKey: .tables); try c.encode(totalTables, forKey: .totalTables)
        try c.encode(support, forKey: .support); try c.encode(principles, forKey: .principles)
        try c.encode(funding, forKey: .funding); try c.encode(fundingDisputed, forKey: .fundingDisputed)
        try c.encode(owners, forKey: .owners); try c.encode(horizons, forKey: .horizons)
        try c.encode(decision, forKey: .decision); try c.encode(cost, forKey: .cost)
        try c.encode(merged, forKey: .merged); try c.encode(sources, forKey: .sources)
    }

    init(_ ranked: RankedCuratedInitiative, _ lang: Language) {
        let i = ranked.initiative
        id = i.id.uuidString.lowercased(); shortId = Curation.shortId(i.id); number = ranked.rank.number
        place = ranked.rank.placeText(lang); text = i.text; dots = i.dots; tables = i.tables
        totalTables = ranked.rank.totalTables; support = ranked.rank.supportText(lang); principles = i.principleIds
        funding = i.funding.rawValue; fundingDisputed = i.fundingDisputed; owners = i.owners; horizons = i.horizons
        decision = i.decision.rawValue; cost = i.cost; merged = i.mergeId != nil
        sources = i.sources.map {
            Source(noteId: $0.noteId.uuidString.lowercased(), table: $0.table, principle: $0.principleId, text: $0.text, dots: $0.dots)
        }
    }
}

struct InitiativesList: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: CurationText.listAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Flag(name: .long, help: ArgumentHelp(CurationText.jsonHelp.text())) var json = false

    func run() throws {
        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        let curator = try store.curator()
        let lang = Language.current
        let ranked = curator.ranked
        if json { return try Curating.printJSON(ranked.map { InitiativeJSON($0, lang) }) }
        guard !ranked.isEmpty else { return print(CurationText.noInitiatives.text(lang)) }
        print(ranked.map { Curating.describe($0, curator, lang).joined(separator: "\n") }.joined(separator: "\n\n"))
    }
}

struct InitiativesSuggest: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "suggest", abstract: CurationText.suggestAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Flag(name: .long, help: ArgumentHelp(CurationText.jsonHelp.text())) var json = false

    struct SuggestionJSON: Encodable {
        struct Side: Encodable { var id: String; var shortId: String; var text: String; var tables: [Int] }
        var a: Side
        var b: Side
        var score: Double
        var shared: [String]
        var reason: String
    }

    func run() throws {
        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        let curator = try store.curator()
        let initiatives = curator.initiatives
        let suggestions = DuplicateFinder.suggestions(for: curator, initiatives)
        let lang = Language.current
        func side(_ i: CuratedInitiative) -> SuggestionJSON.Side {
            .init(id: i.id.uuidString.lowercased(), shortId: Curation.shortId(i.id), text: i.text, tables: i.tables)
        }
        if json {
            return try Curating.printJSON(suggestions.map {
                SuggestionJSON(a: side(initiatives[$0.a]), b: side(initiatives[$0.b]), score: ($0.score * 100).rounded() / 100,
                               shared: $0.shared.map(\.text), reason: $0.reason(lang))
            })
        }
        guard !suggestions.isEmpty else { return print(CurationText.suggestNone.text(lang)) }
        let blocks = suggestions.map { s -> String in
            let a = initiatives[s.a], b = initiatives[s.b]
            let score = String(format: "%.2f", s.score)
            // "(bord 1 og 3)", as a sentence lists them.
            let tables = { (i: CuratedInitiative) in
                CurationText.suggestTables.text(lang, i.tables.count, lang.list(i.tables.map(String.init)))
            }
            return [
                "\(score)  \(Curation.shortId(a.id))  \(Sanitize.line(a.text)) \(tables(a))",
                "      \(Curation.shortId(b.id))  \(Sanitize.line(b.text)) \(tables(b))",
                "      " + s.reason(lang),
                "      " + CurationText.suggestMergeHint.text(lang, "rundbord initiatives merge \(Sanitize.line(file)) \(Curation.shortId(a.id)) \(Curation.shortId(b.id))"),
            ].map(Sanitize.forTerminal).joined(separator: "\n")
        }
        print(blocks.joined(separator: "\n\n"))
    }
}

struct InitiativesMerge: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "merge", abstract: CurationText.mergeAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Argument(help: ArgumentHelp(CurationText.idsHelp.text())) var ids: [String]
    @Option(name: .long, help: ArgumentHelp(CurationText.mergeTextHelp.text())) var text: String?

    func run() throws {
        let (store, curator) = try Curating.open(file)
        defer { store.close() }
        var resolved: [UUID] = []
        for id in ids { resolved.append(try Curating.initiativeId(id, curator)) }
        let (merged, changes) = try curator.merge(resolved, text: text, now: Date())
        try store.apply(changes)
        print(Curation.shortId(merged))
    }
}

struct InitiativesSplit: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "split", abstract: CurationText.splitAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Argument(help: ArgumentHelp(CurationText.idHelp.text())) var id: String

    func run() throws {
        var (store, curator) = try Curating.open(file)
        defer { store.close() }
        let target = try curator.initiative(try Curating.initiativeId(id, curator))
        let changes = try curator.split(target.id, now: Date())
        try store.apply(changes)
        curator.apply(changes)
        let noteIds = Set(target.noteIds)
        let parts = curator.initiatives.filter { !noteIds.isDisjoint(with: $0.noteIds) }.map { Curation.shortId($0.id) }
        print(CurationText.splitDone.text(.current, parts.joined(separator: " ")))
    }
}

struct InitiativesSet: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "set", abstract: CurationText.setAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Argument(help: ArgumentHelp(CurationText.idHelp.text())) var id: String
    @Option(name: .long, help: ArgumentHelp(CurationText.setTextHelp.text())) var text: String?
    @Option(name: .long, help: ArgumentHelp(CLIText.fundingHelp.text())) var funding: FundingClass?
    @Option(name: .long, help: ArgumentHelp(CLIText.ownerHelp.text())) var owner: String?
    @Option(name: .long, help: ArgumentHelp(CLIText.horizonHelp.text())) var horizon: String?
    @Option(name: .long, help: ArgumentHelp(CurationText.costHelp.text())) var cost: String?
    @Option(name: .long, help: ArgumentHelp(CurationText.decisionHelp.text())) var decision: InitiativeDecision?

    /// The edit asked for; a cost that is not whole kroner is refused before the file is opened.
    func edit() throws(RundbordError) -> InitiativeEdit {
        var edit = InitiativeEdit(text: text, funding: funding, decision: decision)
        if let owner { edit.owner = .some(owner.trimmingCharacters(in: .whitespaces).isEmpty ? nil : owner) }
        if let horizon { edit.horizon = .some(horizon.trimmingCharacters(in: .whitespaces).isEmpty ? nil : horizon) }
        if let cost {
            if cost.trimmingCharacters(in: .whitespaces).isEmpty {
                edit.cost = .some(nil)
            } else if let kroner = Curation.parseCost(cost) {
                edit.cost = .some(kroner)
            } else {
                throw RundbordError(CurationText.badCost, [Sanitize.line(cost)], exit: .dataError)
            }
        }
        return edit
    }

    func run() throws {
        let edit = try edit()
        var (store, curator) = try Curating.open(file)
        defer { store.close() }
        let target = try curator.initiative(try Curating.initiativeId(id, curator))
        let changes = try curator.set(target.id, edit, now: Date())
        guard !changes.isEmpty else { return print(CurationText.nothingChanged.text()) }
        try store.apply(changes)
        curator.apply(changes)
        if let ranked = curator.ranked.first(where: { $0.initiative.id == target.id }) {
            print(Curating.describe(ranked, curator, .current).joined(separator: "\n"))
        }
    }
}

/// `rundbord owners FILE` and `rundbord owners alias FILE CANONICAL ALIAS…`.
struct OwnersCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "owners", abstract: CurationText.ownersAbstract.text(),
                             subcommands: [OwnersList.self, OwnersAlias.self], defaultSubcommand: OwnersList.self)
    }
}

struct OwnersList: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: CurationText.ownersListAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String

    func run() throws {
        let store = try EventStore.open(path: file, readOnly: true)
        defer { store.close() }
        let curator = try store.curator()
        let counts = curator.ownerCounts
        guard !counts.isEmpty else { return print(CurationText.ownersNone.text()) }
        let aliases = Dictionary(curator.state.aliasGroups.map { (Curation.ownerKey($0.canonical), $0.aliases) },
                                 uniquingKeysWith: { a, _ in a })
        for (owner, n) in counts {
            let also = aliases[Curation.ownerKey(owner)].map { " = " + $0.joined(separator: ", ") } ?? ""
            print(Sanitize.forTerminal(Sanitize.line(CurationText.ownersLine.text(.current, owner, n, also))))
        }
    }
}

struct OwnersAlias: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "alias", abstract: CurationText.aliasAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Argument(help: ArgumentHelp(CurationText.canonicalHelp.text())) var canonical: String
    @Argument(help: ArgumentHelp(CurationText.aliasesHelp.text())) var aliases: [String]

    func run() throws {
        let (store, curator) = try Curating.open(file)
        defer { store.close() }
        let changes = try curator.alias(canonical: canonical, aliases, now: Date())
        try store.apply(changes)
        for change in changes {
            guard case .alias(_, let alias) = change, alias.isActive else { continue }
            print(Sanitize.forTerminal(CurationText.aliasDone.text(.current, alias.alias, alias.canonical)))
        }
        if changes.isEmpty { print(CurationText.nothingChanged.text()) }
    }
}

/// `rundbord move FILE NOTE-ID [--principle N] [--table N]`.
struct MoveCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "move", abstract: CurationText.moveAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Argument(help: ArgumentHelp(CurationText.noteIdHelp.text())) var noteId: String
    @Option(name: .long, help: ArgumentHelp(CurationText.movePrincipleHelp.text())) var principle: String?
    @Option(name: .long, help: ArgumentHelp(CurationText.moveTableHelp.text())) var table: Int?

    func validate() throws {
        guard principle != nil || table != nil else { throw ValidationError(CurationText.moveNeedsTarget.text()) }
    }

    func run() throws {
        let (store, curator) = try Curating.open(file)
        defer { store.close() }
        let id = try Curation.resolve(noteId, among: curator.notes.filter { !$0.isDeleted }.map(\.id))
        let principleId = try principle.map { p throws(RundbordError) in try Curating.principle(p, curator.vision).id }
        let tableId = try table.map { n throws(RundbordError) in try store.table(number: n).id }
        let changes = try curator.move(id, principleId: principleId, tableId: tableId, now: Date())
        guard case .note(let change)? = changes.first else { return print(CurationText.nothingChanged.text()) }
        try store.apply(changes)
        let number = curator.tables.first { $0.id == change.after.tableId }?.number ?? 0
        print(CurationText.moved.text(.current, Curation.shortId(id), number,
                                      Curating.number(of: change.after.principleId, curator.vision)))
    }
}

/// `rundbord summary FILE [--principle N] TEXT`: the key messages.
struct SummaryCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "summary", abstract: CurationText.summaryAbstract.text())
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(CLIText.fileHelp.text())) var file: String
    @Option(name: .long, help: ArgumentHelp(CurationText.summaryPrincipleHelp.text())) var principle: String?
    @Argument(help: ArgumentHelp(CurationText.summaryTextHelp.text())) var text: String

    func run() throws {
        let (store, curator) = try Curating.open(file)
        defer { store.close() }
        let principleId = try principle.map { p throws(RundbordError) in try Curating.principle(p, curator.vision).id }
        let changes = try curator.keyMessage(principleId, text: text, now: Date())
        guard case .keyMessage(_, let message)? = changes.first else { return print(CurationText.nothingChanged.text()) }
        try store.apply(changes)
        let eventTitle = try store.event().title
        let scope = principleId.flatMap { curator.vision.principle(id: $0)?.title } ?? eventTitle
        print(Sanitize.forTerminal((message.text.isEmpty ? CurationText.summaryCleared : CurationText.summarySaved)
            .text(.current, Sanitize.line(scope))))
    }
}
