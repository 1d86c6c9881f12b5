/// What a template's field was expected to hold, and libyaml's commonest
/// complaints, in both languages: a template error reads in one language to
/// the end ("'minutes' skal være et helt antal minutter").
public enum TemplateText: String, CatalogueKey {
    case whatTemplate, whatPrinciple, whatNoteKind
    case expectMapping, expectTextKeys, expectText, expectList, expectWholeMinutes, expectMinutesRange
    case expectShortName, expectIdChars, expectLanguage, expectVisionTitle, expectPrinciples
    case expectNoteKinds, expectFunding, expectAgreement, expectUniqueId, expectPrincipleTitle
    case expectKindLabel, expectPrefixFree, expectPointKind, expectInitiativeKind, expectLabel
    case yamlMappingValues, yamlExpectedKey, yamlExpectedColon, yamlBadTokenStart, yamlUnexpectedEnd
    case yamlTabIndent, yamlExpectedDash, yamlExpectedComma, yamlExpectedNode, yamlUnknownEscape
    case yamlBlockEntries, yamlMappingKeys, yamlUnterminatedQuote, yamlOther

    public static let table: [TemplateText: Translation] = [
        .whatTemplate: .init("skabelonen", "template"),
        .whatPrinciple: .init("hovedprincippet", "principle"),
        .whatNoteKind: .init("notattypen", "note kind"),
        .expectMapping: .init("nøgler med værdier (nøgle: værdi)", "a mapping (key: value)"),
        .expectTextKeys: .init("nøgler af tekst", "text keys"),
        .expectText: .init("tekst", "text"),
        .expectList: .init("en liste", "a list"),
        .expectWholeMinutes: .init("et helt antal minutter", "a whole number of minutes"),
        .expectMinutesRange: .init("1 til 240", "1 to 240"),
        .expectShortName: .init("et kort navn som min-vision", "a short name such as my-vision"),
        .expectIdChars: .init("bogstaverne a-z, tal, - og _", "letters a-z, digits, - and _"),
        .expectLanguage: .init("da eller en", "da or en"),
        .expectVisionTitle: .init("visionens titel", "the vision's title"),
        .expectPrinciples: .init("en liste over hovedprincipper", "a list of principles"),
        .expectNoteKinds: .init("en liste over notattyper", "a list of note kinds"),
        .expectFunding: .init("betegnelser for needs_funding, can_start_now og unclear",
                              "labels for needs_funding, can_start_now, unclear"),
        .expectAgreement: .init("betegnelser for agree, partly, disagree og dont_know",
                                "labels for agree, partly, disagree, dont_know"),
        .expectUniqueId: .init("et kort navn, som ingen anden i skabelonen har", "a short name unique in this template"),
        .expectPrincipleTitle: .init("hovedprincippets titel", "the principle's title"),
        .expectKindLabel: .init("typens navn", "the kind's name"),
        .expectPrefixFree: .init("et præfiks, som {0} ikke allerede bruger", "a prefix not used by {0}"),
        .expectPointKind: .init("typen, der bruges, når der ikke er skrevet et præfiks", "the kind used when no prefix is typed"),
        .expectInitiativeKind: .init("typen, der har finansiering og prikker", "the kind that carries funding and dots"),
        .expectLabel: .init("en betegnelse", "a label"),
        .yamlMappingValues: .init("et kolon (nøgle: værdi) er ikke tilladt her; sæt teksten i anførselstegn",
                                  "mapping values are not allowed in this context"),
        .yamlExpectedKey: .init("forventede en nøgle; tjek indrykningen", "did not find expected key"),
        .yamlExpectedColon: .init("forventede ':' efter nøglen", "could not find expected ':'"),
        .yamlBadTokenStart: .init("et tegn, der ikke kan begynde en værdi; sæt teksten i anførselstegn",
                                  "found character that cannot start any token"),
        .yamlUnexpectedEnd: .init("filen slutter midt i en værdi", "found unexpected end of stream"),
        .yamlTabIndent: .init("indrykning med tabulator; brug mellemrum", "found a tab character that violates indentation"),
        .yamlExpectedDash: .init("forventede et listepunkt (-); tjek indrykningen", "did not find expected '-' indicator"),
        .yamlExpectedComma: .init("forventede ',' eller en afsluttende parentes", "did not find expected ',' or closing bracket"),
        .yamlExpectedNode: .init("forventede en værdi", "did not find expected node content"),
        .yamlUnknownEscape: .init("ukendt tegn efter \\ i anførselstegn", "found unknown escape character"),
        .yamlBlockEntries: .init("et listepunkt (-) er ikke tilladt her; tjek indrykningen",
                                 "block sequence entries are not allowed in this context"),
        .yamlMappingKeys: .init("en nøgle er ikke tilladt her", "mapping keys are not allowed in this context"),
        .yamlUnterminatedQuote: .init("anførselstegnet afsluttes aldrig", "found unexpected end of stream in a quoted scalar"),
        .yamlOther: .init("YAML-syntaksen er ugyldig her", "the YAML syntax is not valid here"),
    ]

    /// libyaml's `problem` (and the `context` it happened in) in `language`;
    /// English keeps libyaml's own words; Danish translates the commonest
    /// ones and otherwise says only that the syntax is wrong (the line and
    /// column say where), rather than mix in libyaml's English.
    public static func yamlProblem(_ problem: String, context: String?) -> Localized {
        let english = [context, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let key: TemplateText? = switch problem {
        case "mapping values are not allowed in this context": .yamlMappingValues
        case "did not find expected key": .yamlExpectedKey
        case "could not find expected ':'": .yamlExpectedColon
        case "found character that cannot start any token": .yamlBadTokenStart
        case "found unexpected end of stream":
            (context ?? "").contains("quoted") ? .yamlUnterminatedQuote : .yamlUnexpectedEnd
        case "found a tab character that violates indentation",
             "found a tab character where an indentation space is expected": .yamlTabIndent
        case "did not find expected '-' indicator": .yamlExpectedDash
        case "did not find expected ',' or ']'", "did not find expected ',' or '}'": .yamlExpectedComma
        case "did not find expected node content": .yamlExpectedNode
        case "found unknown escape character": .yamlUnknownEscape
        case "block sequence entries are not allowed in this context": .yamlBlockEntries
        case "mapping keys are not allowed in this context": .yamlMappingKeys
        default: nil
        }
        return Localized { language in
            guard language == .da else { return english }
            return (key ?? .yamlOther).text(.da)
        }
    }
}
