import Foundation

/// The curation's strings (engine messages, labels shared by the CLI, the screens and the exports).
public enum CurationText: String, CatalogueKey {
    case supportedBy, costAbout, decisionPolitical, decisionAdministrative, decisionNone
    case unknownInitiative, mergeWithItself, mergeNeedsTwo, notMerged, badCost, emptyText, emptyOwner
    case aliasOfItself, unknownNote, unknownTable, unknownPrinciple, badId, unknownId, ambiguousId

    public static let table: [CurationText: Translation] = [
        .supportedBy: .init("støttet af {0} af {1} {1|bord|borde}", "supported by {0} of {1} {1|table|tables}"),
        .costAbout: .init("ca. {0} kr.", "approx. DKK {0}"),
        .decisionPolitical: .init("politisk beslutning", "political decision"),
        .decisionAdministrative: .init("administrativ beslutning", "administrative decision"),
        .decisionNone: .init("ikke afklaret", "not decided"),
        .unknownInitiative: .init("intet initiativ med id {0} (se `rundbord initiatives FIL`)",
                                  "no initiative with id {0} (see `rundbord initiatives FILE`)"),
        .mergeWithItself: .init("{0} er nævnt to gange: et initiativ kan ikke lægges sammen med sig selv",
                                "{0} is named twice: an initiative cannot be merged with itself"),
        .mergeNeedsTwo: .init("der skal mindst to forskellige initiativer til en sammenlægning",
                              "a merge needs at least two different initiatives"),
        .notMerged: .init("initiativ {0} er ikke lagt sammen, så det kan ikke deles",
                          "initiative {0} was never merged, so it cannot be split"),
        .badCost: .init("prisen skal være et helt antal kroner, fx 250000 eller 250.000 (ikke »{0}«)",
                        "the cost must be whole kroner, e.g. 250000 or 250.000 (not “{0}”)"),
        .emptyText: .init("teksten er tom", "the text is empty"),
        .emptyOwner: .init("en ejer skal have et navn", "an owner needs a name"),
        .aliasOfItself: .init("»{0}« er allerede den kanoniske stavemåde", "“{0}” is already the canonical spelling"),
        .unknownNote: .init("intet notat med id {0}", "no note with id {0}"),
        .unknownTable: .init("intet bord {0}", "no table {0}"),
        .unknownPrinciple: .init("intet princip »{0}« (skriv princippets nummer eller id)",
                                 "no principle “{0}” (give the principle's number or id)"),
        .badId: .init("»{0}« er ikke et id: skriv mindst 4 af de hex-cifre, `rundbord initiatives` viser",
                      "“{0}” is not an id: give at least 4 of the hex digits `rundbord initiatives` shows"),
        .unknownId: .init("intet id begynder med »{0}«", "no id starts with “{0}”"),
        .ambiguousId: .init("»{0}« passer på {1} id'er: skriv flere cifre", "“{0}” matches {1} ids: give more digits"),
    ]
}
