import Foundation

/// The interface language. Danish is the default; `--lang en` or an English
/// `LANG` selects English.
public enum Language: String, Sendable, CaseIterable, Codable {
    case da, en

    /// Picks the language from `--lang X` / `--lang=X` in the arguments, then
    /// from LC_ALL, LC_MESSAGES, LANG; Danish when nothing says English.
    public static func detect(arguments: [String], environment: [String: String]) -> Language {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--lang", i + 1 < arguments.count, let l = Language(rawValue: arguments[i + 1].lowercased()) {
                return l
            }
            if a.hasPrefix("--lang="), let l = Language(rawValue: String(a.dropFirst(7)).lowercased()) {
                return l
            }
            i += 1
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            if value.lowercased().hasPrefix("en") { return .en }
            if value.lowercased().hasPrefix("da") { return .da }
            // C, POSIX and other languages: keep looking, then fall back to Danish.
        }
        return .da
    }

    /// The language of this process, decided once from its arguments and environment.
    public static let current: Language = detect(arguments: CommandLine.arguments,
                                                 environment: ProcessInfo.processInfo.environment)
}

/// One entry of the string catalogue: the same text in both languages.
public struct Translation: Sendable {
    public let da: String
    public let en: String
    public init(_ da: String, _ en: String) { self.da = da; self.en = en }
    public func text(_ language: Language) -> String { language == .da ? da : en }
}

/// A set of catalogue keys. Each module keeps its keys in one enum whose
/// `table` holds both languages; `Catalogue.problems` checks completeness.
public protocol CatalogueKey: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    static var table: [Self: Translation] { get }
}

extension CatalogueKey {
    /// The text in `language`, with `{0}`, `{1}`… replaced by `args` and
    /// `{0|bord|borde}` by the word that goes with the count in `{0}`.
    public func text(_ language: Language = .current, _ args: CustomStringConvertible...) -> String {
        format(language, args)
    }

    public func format(_ language: Language, _ args: [CustomStringConvertible]) -> String {
        guard let entry = Self.table[self] else { return rawValue }
        return Catalogue.fill(entry.text(language), args.map(\.description))
    }
}

/// The word that goes with a count: "1 bord", "2 borde", "0 borde". Written
/// "one|other" both in the catalogue (`{0|bord|borde}`) and in the harvest
/// templates (`{{#counts.tables.plural}}bord|borde{{/counts.tables.plural}}`);
/// Danish and English both take the first form for 1 and the second otherwise.
public enum Plural {
    public static func form(_ forms: some StringProtocol, count: Int) -> String {
        let parts = forms.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return String(forms) }
        return String(count == 1 ? parts[0] : parts[1])
    }
}

public enum Catalogue {
    /// Every problem with a key set: a key without a translation, an empty
    /// text, or placeholders that differ between the languages.
    public static func problems<K: CatalogueKey>(_ type: K.Type) -> [String] {
        var out: [String] = []
        for key in K.allCases {
            guard let t = K.table[key] else { out.append("\(key.rawValue): missing"); continue }
            if t.da.isEmpty { out.append("\(key.rawValue): empty da") }
            if t.en.isEmpty { out.append("\(key.rawValue): empty en") }
            if placeholders(t.da) != placeholders(t.en) { out.append("\(key.rawValue): placeholders differ") }
            for tag in malformedPlurals(t.da) + malformedPlurals(t.en) {
                out.append("\(key.rawValue): \(tag) needs two forms, one|other")
            }
        }
        return out
    }

    /// The argument numbers a text uses, as `{N}` or in a plural `{N|one|other}`.
    static func placeholders(_ s: String) -> Set<String> {
        Set(tags(s).map { String($0.index) })
    }

    /// A `{…}` in a catalogue text: `{N}`, or `{N|one|other}` with the forms.
    struct Tag {
        let range: Range<String.Index>
        let index: Int
        let forms: Substring?
    }

    /// The tags of `text`, in order; braces around anything else are text.
    static func tags(_ text: String) -> [Tag] {
        var found: [Tag] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let inner = after[..<close]
            let bar = inner.firstIndex(of: "|") ?? inner.endIndex
            let number = inner[..<bar]
            if !number.isEmpty, number.allSatisfy(\.isASCII), let index = Int(number) {
                let forms = bar == inner.endIndex ? nil : inner[inner.index(after: bar)...]
                found.append(Tag(range: open..<after.index(after: close), index: index, forms: forms))
            }
            rest = after[after.index(after: close)...]
        }
        return found
    }

    /// `text` with its tags filled from `args` in one pass (an argument that
    /// itself holds "{0}" stays as it is); a tag without an argument is kept.
    public static func fill(_ text: String, _ args: [String]) -> String {
        var out = ""
        var position = text.startIndex
        for tag in tags(text) where tag.index < args.count {
            out += text[position..<tag.range.lowerBound]
            let arg = args[tag.index]
            out += tag.forms.map { Plural.form($0, count: Int(arg) ?? 0) } ?? arg
            position = tag.range.upperBound
        }
        out += text[position...]
        return out
    }

    /// Plural tags whose forms are not exactly "one|other".
    static func malformedPlurals(_ s: String) -> [String] {
        tags(s).compactMap { tag in
            guard let forms = tag.forms, forms.split(separator: "|", omittingEmptySubsequences: false).count != 2 else { return nil }
            return String(s[tag.range])
        }
    }
}

/// Strings of the core: phases, errors of templates, store and engine.
public enum CoreText: String, CatalogueKey {
    case phasePresent, phaseDiscuss, phasePropose, phaseVote, phaseWrapUp
    case templateParse, templateUnknownKey, templateMissingKey, templateWrongType, templateDuplicateId
    case templateEmptyValue, templateBadValue, templateInvalidUTF8, templateNotFound, templateUnreadable
    case templateDuplicateKey, templateFormat
    case storeNotRundbord, storeNewer, storeCorrupt, storeExists, storeCannotCreate, storeNotFound
    case storeIO, storeNoTable, storeNoNote, storeNoPrinciple
    case ruleEmptyText, ruleNoSuchNote, ruleNotInitiative, ruleNegative, ruleNothingToUndo
    case ruleNothingToRedo, ruleNoPrinciple, ruleLastPhase, ruleFirstPhase

    public static let table: [CoreText: Translation] = [
        .phasePresent: .init("Præsentation", "Present"),
        .phaseDiscuss: .init("Drøftelse", "Discuss"),
        .phasePropose: .init("Forslag", "Propose"),
        .phaseVote: .init("Afstemning", "Vote"),
        .phaseWrapUp: .init("Opsamling", "Wrap up"),
        .templateParse: .init("{0}:{1}:{2}: ugyldig YAML: {3}", "{0}:{1}:{2}: invalid YAML: {3}"),
        .templateUnknownKey: .init("{0}:{1}:{2}: ukendt nøgle '{3}'; forventede en af: {4}",
                                   "{0}:{1}:{2}: unknown key '{3}'; expected one of: {4}"),
        .templateMissingKey: .init("{0}:{1}:{2}: mangler nøglen '{3}' ({4})",
                                   "{0}:{1}:{2}: missing key '{3}' ({4})"),
        .templateWrongType: .init("{0}:{1}:{2}: '{3}' skal være {4}", "{0}:{1}:{2}: '{3}' must be {4}"),
        .templateDuplicateId: .init("{0}:{1}:{2}: id '{3}' findes allerede (linje {4})",
                                    "{0}:{1}:{2}: id '{3}' is already used (line {4})"),
        .templateEmptyValue: .init("{0}:{1}:{2}: '{3}' må ikke være tom", "{0}:{1}:{2}: '{3}' must not be empty"),
        .templateBadValue: .init("{0}:{1}:{2}: '{3}' har værdien '{4}'; forventede {5}",
                                 "{0}:{1}:{2}: '{3}' is '{4}'; expected {5}"),
        .templateInvalidUTF8: .init("{0}:{1}:{2}: filen er ikke gyldig UTF-8",
                                    "{0}:{1}:{2}: the file is not valid UTF-8"),
        .templateNotFound: .init("skabelonen '{0}' findes ikke; kendte skabeloner: {1}",
                                 "no template named '{0}'; known templates: {1}"),
        .templateUnreadable: .init("{0}: kan ikke læses: {1}", "{0}: cannot be read: {1}"),
        .templateDuplicateKey: .init("{0}:{1}:{2}: nøglen '{3}' står to gange",
                                     "{0}:{1}:{2}: key '{3}' appears twice"),
        .templateFormat: .init("{0}:{1}:{2}: formatet '{3}' kendes ikke; denne version læser format 1",
                               "{0}:{1}:{2}: format '{3}' is unknown; this version reads format 1"),
        .storeNotRundbord: .init("{0}: er ikke en rundbord-fil; filen er ikke ændret",
                                 "{0}: is not a rundbord event file; the file was not changed"),
        .storeNewer: .init("{0}: er lavet af en nyere rundbord (skemaversion {1}, dette program kender {2}); filen er ikke ændret",
                           "{0}: was written by a newer rundbord (schema version {1}, this program knows {2}); the file was not changed"),
        .storeCorrupt: .init("{0}: filen er beskadiget ({1}); filen er ikke ændret",
                             "{0}: the file is damaged ({1}); the file was not changed"),
        .storeExists: .init("{0}: findes allerede; vælg et andet navn", "{0}: already exists; choose another name"),
        .storeCannotCreate: .init("{0}: kan ikke oprettes: {1}", "{0}: cannot be created: {1}"),
        .storeNotFound: .init("{0}: findes ikke", "{0}: does not exist"),
        .storeIO: .init("{0}: fejl ved læsning eller skrivning: {1}", "{0}: read or write error: {1}"),
        .storeNoTable: .init("bord {0} findes ikke i arrangementet (der er {1} {1|bord|borde})",
                             "table {0} does not exist in this event (it has {1} {1|table|tables})"),
        .storeNoNote: .init("notatet {0} findes ikke", "note {0} does not exist"),
        .storeNoPrinciple: .init("hovedprincip {0} findes ikke (der er {1})", "principle {0} does not exist (there are {1})"),
        .ruleEmptyText: .init("et notat skal have tekst", "a note needs text"),
        .ruleNoSuchNote: .init("notatet findes ikke", "no such note"),
        .ruleNotInitiative: .init("kun indsatser har finansiering, ansvarlig, horisont og prikker",
                                  "only initiatives have funding, owner, horizon and dots"),
        .ruleNegative: .init("tallet må ikke være negativt", "the number must not be negative"),
        .ruleNothingToUndo: .init("intet at fortryde", "nothing to undo"),
        .ruleNothingToRedo: .init("intet at gentage", "nothing to redo"),
        .ruleNoPrinciple: .init("der er ikke flere hovedprincipper i den retning", "no more principles that way"),
        .ruleLastPhase: .init("opsamling er sidste fase; Ctrl-N går videre til næste hovedprincip",
                              "wrap-up is the last phase; Ctrl-N moves on to the next principle"),
        .ruleFirstPhase: .init("præsentation er første fase; Ctrl-P går tilbage til forrige hovedprincip",
                               "present is the first phase; Ctrl-P goes back to the previous principle"),
    ]
}

extension Phase {
    public var textKey: CoreText {
        switch self {
        case .present: .phasePresent
        case .discuss: .phaseDiscuss
        case .propose: .phasePropose
        case .vote: .phaseVote
        case .wrapUp: .phaseWrapUp
        }
    }
}

/// Exit codes from sysexits.h.
public enum ExitCode: Int32, Sendable {
    case ok = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case unavailable = 69
    case software = 70
    case cantCreate = 73
    case ioError = 74
    case tempFail = 75
    case config = 78
}

/// An error a user can act on: a catalogue text and a sysexits code.
public struct RundbordError: Error, Sendable, CustomStringConvertible {
    public let message: @Sendable (Language) -> String
    public let exitCode: ExitCode

    /// An argument that is itself `Localized` is written in the message's language.
    public init<K: CatalogueKey>(_ key: K, _ args: [CustomStringConvertible] = [], exit: ExitCode) {
        let parts = args.map { ($0 as? Localized) ?? Localized(fixed: $0.description) }
        self.message = { language in key.format(language, parts.map { $0.text(language) }) }
        self.exitCode = exit
    }

    public var description: String { message(.current) }
}

/// A piece of text in whichever language it is asked for: a message's
/// argument that must follow the message's language (what was expected, why
/// the system refused) rather than be fixed when the error is made.
public struct Localized: CustomStringConvertible, Sendable {
    public let text: @Sendable (Language) -> String

    public init(_ text: @escaping @Sendable (Language) -> String) { self.text = text }
    public init<K: CatalogueKey>(_ key: K, _ args: [CustomStringConvertible] = []) {
        let strings = args.map(\.description)
        self.text = { key.format($0, strings) }
    }
    init(fixed: String) { self.text = { _ in fixed } }

    /// Why the operating system refused, in the language asked for.
    public static func reason(_ error: Error) -> Localized {
        let error = error as NSError
        return Localized { SystemError.describe(error, $0) }
    }
    public static func reason(errno code: Int32) -> Localized { Localized { SystemError.describe(errno: code, $0) } }

    public var description: String { text(.current) }
}
