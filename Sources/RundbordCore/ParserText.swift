import Foundation

/// The words swift-argument-parser writes itself (help headings, the help
/// and version flags, its parse errors) with our Danish for them. The
/// library has no way to supply these texts, so its finished output is
/// translated: each English text here is the library's exact wording, with
/// `{0}`, `{1}` standing for what it fills in. English output is left as
/// the library wrote it.
public enum ParserText: String, CatalogueKey {
    case overview, usageHeading, usageError, arguments, options, subcommands, errorPrefix, helpPrefix
    case seeHelpForSubcommand, seeHelpForMore
    case showHelp, showVersion, showSubcommandHelp, defaultWord, valuesWord
    case missingArgument, missingOneOf, unknownOptionSuggest, unknownOption, missingValue
    case unexpectedArgument, unexpectedArguments, invalidValueForOption, invalidValue
    case provideOneOfTwo, provideOneOfMany, provideOneOfList, noValueTaken, missingSubcommand, setTwice
    case dashHint

    public static let table: [ParserText: Translation] = [
        .overview: .init("OVERSIGT: ", "OVERVIEW: "),
        // The usage line's continuation is indented to line up after the heading.
        .usageHeading: .init("BRUG: ", "USAGE: "),
        .usageError: .init("Brug: ", "Usage: "),
        .arguments: .init("ARGUMENTER:", "ARGUMENTS:"),
        .options: .init("TILVALG:", "OPTIONS:"),
        .subcommands: .init("UNDERKOMMANDOER:", "SUBCOMMANDS:"),
        .errorPrefix: .init("Fejl: ", "Error: "),
        .helpPrefix: .init("Hjælp: ", "Help:  "),
        .seeHelpForSubcommand: .init("  Se '{0} <underkommando>' for hjælp til hver underkommando.",
                                     "  See '{0} <subcommand>' for detailed help."),
        .seeHelpForMore: .init("  Se '{0}' for mere hjælp.", "  See '{0}' for more information."),
        .showHelp: .init("Vis denne hjælp.", "Show help information."),
        .showVersion: .init("Vis versionen.", "Show the version."),
        .showSubcommandHelp: .init("Vis hjælp til en underkommando.", "Show subcommand help information."),
        // Inside "(values: a, b; default: a)", which may be wrapped over lines.
        .defaultWord: .init("standard:", "default:"),
        .valuesWord: .init("værdier:", "values:"),
        .missingArgument: .init("Argumentet '{0}' mangler", "Missing expected argument '{0}'"),
        .missingOneOf: .init("Et af disse mangler: {0}", "Missing one of: {0}"),
        .unknownOptionSuggest: .init("Ukendt tilvalg '{0}'. Mente du '{1}'?", "Unknown option '{0}'. Did you mean '{1}'?"),
        .unknownOption: .init("Ukendt tilvalg '{0}'", "Unknown option '{0}'"),
        .missingValue: .init("'{0}' mangler en værdi", "Missing value for '{0}'"),
        .unexpectedArgument: .init("Uventet argument '{0}'", "Unexpected argument '{0}'"),
        .unexpectedArguments: .init("{0} uventede argumenter: {1}", "{0} unexpected arguments: {1}"),
        .invalidValueForOption: .init("Værdien '{0}' kan ikke bruges til '{1}'", "The value '{0}' is invalid for '{1}'"),
        .invalidValue: .init("Værdien '{0}' kan ikke bruges.", "The value '{0}' is invalid."),
        .provideOneOfTwo: .init(". Skriv {0} eller {1}.", ". Please provide one of {0} and {1}."),
        .provideOneOfMany: .init(". Skriv en af {0} eller {1}.", ". Please provide one of {0} or {1}."),
        .provideOneOfList: .init(". Skriv en af disse:", ". Please provide one of the following:"),
        .noValueTaken: .init("Tilvalget '{0}' tager ingen værdi, men fik '{1}'.",
                             "The option '{0}' does not take any value, but '{1}' was specified."),
        .missingSubcommand: .init("Vælg en underkommando.", "Missing required subcommand."),
        .setTwice: .init("{0} sætter en værdi, som {1} allerede har sat", "Value to be set with {0} had already been set with {1}"),
        // Our own addition, after an error when an argument starts with "-".
        .dashHint: .init("En tekst, der begynder med '-', skrives efter '--': {0}",
                         "A text that begins with '-' goes after '--': {0}"),
    ]

    /// The order the texts are tried in: longer, more specific texts first,
    /// so that "Unknown option 'x'. Did you mean 'y'?" is not taken for
    /// "Unknown option 'x'".
    static let order: [ParserText] = [
        .seeHelpForSubcommand, .seeHelpForMore, .showSubcommandHelp, .showHelp, .showVersion,
        .missingArgument, .missingOneOf, .unknownOptionSuggest, .unknownOption,
        .missingValue, .unexpectedArguments, .unexpectedArgument, .noValueTaken, .invalidValueForOption,
        .invalidValue, .provideOneOfTwo, .provideOneOfMany, .provideOneOfList, .missingSubcommand, .setTwice,
    ]

    /// The library's `output` in `language`: unchanged for English.
    public static func translate(_ output: String, to language: Language) -> String {
        guard language != .en else { return output }
        var lines = output.components(separatedBy: "\n")
        // Headings stand at the start of a line; the usage heading's hanging
        // indent follows the heading's new width.
        let headings: [ParserText] = [.overview, .usageHeading, .usageError, .errorPrefix, .helpPrefix]
        var hang: (from: Int, to: Int)?
        for i in lines.indices {
            let line = lines[i]
            if line.isEmpty { hang = nil; continue }
            if let (from, to) = hang, line.hasPrefix(String(repeating: " ", count: from)) {
                lines[i] = String(repeating: " ", count: to) + line.dropFirst(from)
                continue
            }
            hang = nil
            for key in headings {
                let english = key.text(.en)
                guard line.hasPrefix(english) else { continue }
                let danish = key.text(language)
                lines[i] = danish + line.dropFirst(english.count)
                if key == .usageHeading || key == .usageError { hang = (english.count, danish.count) }
                break
            }
            for key in [ParserText.arguments, .options, .subcommands] where line == key.text(.en) {
                lines[i] = key.text(language)
            }
        }
        var text = lines.joined(separator: "\n")
        // "(values: …; default: …)" after an option's help, perhaps wrapped.
        for (key, before) in [(ParserText.valuesWord, "\\("), (.defaultWord, "(?:\\(|;\\s+)")] {
            let english = NSRegularExpression.escapedPattern(for: key.text(.en))
            guard let regex = try? NSRegularExpression(pattern: "(\(before))\(english)") else { continue }
            text = regex.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length),
                                                  withTemplate: "$1" + NSRegularExpression.escapedTemplate(for: key.text(language)))
        }
        for key in order {
            text = replace(key, in: text, language: language)
        }
        return text
    }

    /// Every occurrence of `key`'s English text in `text`, with what the
    /// placeholders matched put into the Danish text.
    static func replace(_ key: ParserText, in text: String, language: Language) -> String {
        guard let regex = pattern(key.text(.en)) else { return text }
        let ns = text as NSString
        var out = ""
        var position = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: position, length: match.range.location - position))
            var args: [String] = []
            for group in 1..<match.numberOfRanges {
                let range = match.range(at: group)
                args.append(range.location == NSNotFound ? "" : ns.substring(with: range))
            }
            out += key.format(language, args)
            position = match.range.location + match.range.length
        }
        out += ns.substring(from: position)
        return out
    }

    /// The English text as a pattern: literal text, and each `{N}` any text
    /// on the same line (as little as will do, unless it ends the text).
    static func pattern(_ english: String) -> NSRegularExpression? {
        var source = ""
        var rest = english[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            source += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
            rest = rest[rest.index(after: close)...]
            source += rest.isEmpty ? "([^\\n]*)" : "([^\\n]*?)"
        }
        source += NSRegularExpression.escapedPattern(for: String(rest))
        return try? NSRegularExpression(pattern: source)
    }
}
