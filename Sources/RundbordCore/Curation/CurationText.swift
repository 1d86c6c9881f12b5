import Foundation

/// The curation's strings (engine messages, labels shared by the CLI, the screens and the exports).
public enum CurationText: String, CatalogueKey {
    case supportedBy, costAbout, decisionPolitical, decisionAdministrative, decisionNone
    case unknownInitiative, mergeWithItself, mergeNeedsTwo, notMerged, badCost, emptyText, emptyOwner
    case aliasOfItself, unknownNote, unknownTable, unknownPrinciple, badId, unknownId, ambiguousId
    case suggestReason
    // The command line.
    case initiativesAbstract, listAbstract, suggestAbstract, mergeAbstract, splitAbstract, setAbstract
    case ownersAbstract, ownersListAbstract, aliasAbstract, moveAbstract, summaryAbstract
    case jsonHelp, idHelp, idsHelp, mergeTextHelp, setTextHelp, costHelp, decisionHelp, noteIdHelp
    case movePrincipleHelp, moveTableHelp, canonicalHelp, aliasesHelp, summaryTextHelp, summaryPrincipleHelp
    case listHeading, listPlace, listDots, listOwner, listHorizon, listMerged, listSource, noInitiatives
    case suggestNone, suggestMergeHint, suggestTables, merged, alreadyMerged, splitDone, nothingChanged, aliasDone
    case moveNeedsTarget, moved, summarySaved, summaryCleared, ownersNone, ownersLine

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
        .suggestReason: .init("fælles: {0}", "shared: {0}"),
        .initiativesAbstract: .init("Initiativerne: vis, find dubletter, læg sammen, del, ret.",
                                    "The initiatives: list, find duplicates, merge, split, edit."),
        .listAbstract: .init("Vis initiativerne med nr., prikker, borde, ejer, beslutning og pris.",
                             "List the initiatives with number, dots, tables, owner, decision and cost."),
        .suggestAbstract: .init("Foreslå initiativer, der siger det samme, med score og begrundelse.",
                                "Suggest initiatives that say the same thing, with a score and the reason."),
        .mergeAbstract: .init("Læg initiativer sammen til ét (prikkerne lægges sammen; alle noter bevares). Skriver det nye id.",
                              "Merge initiatives into one (dots are summed; every note is kept). Prints the new id."),
        .splitAbstract: .init("Del et sammenlagt initiativ igen, præcis som før.", "Split a merged initiative, exactly as it was."),
        .setAbstract: .init("Ret et initiativ: tekst, finansiering, ejer, horisont, pris, beslutning.",
                            "Edit an initiative: text, funding, owner, horizon, cost, decision."),
        .ownersAbstract: .init("Ejerne: vis dem, og gør stavemåder til én ejer.", "The owners: list them, and make spellings one owner."),
        .ownersListAbstract: .init("Vis ejerne og deres andre stavemåder.", "List the owners and their other spellings."),
        .aliasAbstract: .init("Gør ALIAS til en anden stavemåde for KANONISK i alle eksporter.",
                              "Make each ALIAS another spelling of CANONICAL in every export."),
        .moveAbstract: .init("Flyt et notat til et andet hovedprincip eller bord (kan fortrydes).",
                             "Move a note to another principle or table (can be undone)."),
        .summaryAbstract: .init("Skriv »Kort fortalt« for et hovedprincip, eller for hele arrangementet; tom tekst sletter.",
                                "Write the key message of a principle, or of the whole event; an empty text removes it."),
        .jsonHelp: .init("Skriv JSON i stedet for tekst.", "Write JSON instead of text."),
        .idHelp: .init("Initiativets id (mindst 4 af cifrene, som `initiatives` viser).",
                       "The initiative's id (at least 4 of the digits `initiatives` shows)."),
        .idsHelp: .init("Id'erne på de initiativer, der skal lægges sammen.", "The ids of the initiatives to merge."),
        .mergeTextHelp: .init("Teksten på det samlede initiativ (ellers det førstes).", "The merged initiative's text (else the first one's)."),
        .setTextHelp: .init("Ny tekst.", "New text."),
        .costHelp: .init("Anslået pris i hele kroner, fx 250000 eller 250.000; tom fjerner den.",
                         "Estimated cost in whole kroner, e.g. 250000 or 250.000; empty removes it."),
        .decisionHelp: .init("Beslutningen, det kræver: political, administrative eller none.",
                             "The decision it needs: political, administrative or none."),
        .noteIdHelp: .init("Notatets id (fra `initiatives` eller JSON-eksporten).", "The note's id (from `initiatives` or the JSON export)."),
        .movePrincipleHelp: .init("Hovedprincippet, det skal flyttes til (nummer fra 1, eller id).",
                                  "The principle to move it to (number from 1, or id)."),
        .moveTableHelp: .init("Bordet, det skal flyttes til.", "The table to move it to."),
        .canonicalHelp: .init("Den stavemåde, alle eksporter skal bruge.", "The spelling every export is to use."),
        .aliasesHelp: .init("De andre stavemåder.", "The other spellings."),
        .summaryTextHelp: .init("Budskabet (tom tekst fjerner det).", "The message (an empty text removes it)."),
        .summaryPrincipleHelp: .init("Hovedprincippet (nummer fra 1, eller id); uden: hele arrangementet.",
                                     "The principle (number from 1, or id); without: the whole event."),
        .listHeading: .init("Nr. {0}", "No. {0}"),
        .listPlace: .init("{0} plads", "place {0}"),
        .listDots: .init("{0} {0|prik|prikker}", "{0} {0|dot|dots}"),
        .listOwner: .init("ejer: {0}", "owner: {0}"),
        .listHorizon: .init("horisont: {0}", "horizon: {0}"),
        .listMerged: .init("lagt sammen af {0}", "merged from {0}"),
        .listSource: .init("note {0} · bord {1} · princip {2} · {3} {3|prik|prikker}: {4}",
                           "note {0} · table {1} · principle {2} · {3} {3|dot|dots}: {4}"),
        .noInitiatives: .init("Ingen initiativer endnu.", "No initiatives yet."),
        .suggestNone: .init("Ingen oplagte dubletter.", "No likely duplicates."),
        .suggestMergeHint: .init("læg sammen: {0}", "merge: {0}"),
        // "(bord 1 og 3)": {1} is the list, {0} how many are in it.
        .suggestTables: .init("({0|bord|bord} {1})", "({0|table|tables} {1})"),
        .merged: .init("Lagt sammen: {0}", "Merged: {0}"),
        .alreadyMerged: .init("Allerede ét initiativ: {0}", "Already one initiative: {0}"),
        .splitDone: .init("Delt igen i: {0}", "Split into: {0}"),
        .nothingChanged: .init("Intet ændret.", "Nothing changed."),
        .aliasDone: .init("»{0}« vises som »{1}«", "“{0}” is shown as “{1}”"),
        .moveNeedsTarget: .init("sig hvorhen: --principle N og/eller --table N", "say where to: --principle N and/or --table N"),
        .moved: .init("Flyttet: note {0} er nu under bord {1}, princip {2}", "Moved: note {0} is now at table {1}, principle {2}"),
        .summarySaved: .init("Gemt: {0}", "Saved: {0}"),
        .summaryCleared: .init("Fjernet: {0}", "Removed: {0}"),
        .ownersNone: .init("Ingen ejere endnu.", "No owners yet."),
        .ownersLine: .init("{0} ({1} {1|initiativ|initiativer}){2}", "{0} ({1} {1|initiative|initiatives}){2}"),
        .ambiguousId: .init("»{0}« passer på {1} id'er: skriv flere cifre", "“{0}” matches {1} ids: give more digits"),
    ]
}
