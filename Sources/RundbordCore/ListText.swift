/// Lists and labels as they read inside a sentence.
public enum ListText: String, CatalogueKey {
    case and

    public static let table: [ListText: Translation] = [
        .and: .init("og", "and"),
    ]

    /// "1", "1 og 2", "1, 2 og 3" ("1, 2 and 3" in English).
    public static func join(_ items: [String], _ language: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + ListText.and.text(language) + " " + items.last!
    }

    /// A label such as "Kan sættes i gang nu" as it stands after "; " in a
    /// sentence: "kan sættes i gang nu". A first word that is an acronym
    /// ("EU-midler", "KK") or a name keeps its capital, as far as two
    /// capitals in a row tell.
    public static func midSentence(_ label: String) -> String {
        let firstWord = label.prefix { !$0.isWhitespace }
        guard let first = firstWord.first, first.isUppercase else { return label }
        let second = firstWord.dropFirst().first
        if let second, second.isUppercase { return label }
        return first.lowercased() + label.dropFirst()
    }
}
