import RundbordCore

/// The strings of `rundbord-bench`'s help, in both languages like every other.
enum BenchText: String, CatalogueKey {
    case abstract, sizesHelp, runsHelp, dirHelp, savesHelp, onlyHelp

    static let table: [BenchText: Translation] = [
        .abstract: .init("Mål rundbord mod kendte værktøjer (cmark, sqlite3, nano) og udskriv tallene.",
                          "Measure rundbord against its peers (cmark, sqlite3, nano) and print the figures."),
        .sizesHelp: .init("Arrangementernes størrelse i notater, adskilt med komma.", "Event sizes in notes, comma-separated."),
        .runsHelp: .init("Kørsler pr. tal; medianen udskrives.", "Runs per figure; the median is printed."),
        .dirHelp: .init("Mappe til de genererede arrangementer (standard: en midlertidig mappe).",
                          "Folder for the generated events (default: a temporary folder)."),
        .savesHelp: .init("Sikre gemninger pr. kørsel i gemmemålingen.", "Durable saves per run in the save benchmark."),
        .onlyHelp: .init("Kun disse grupper: saves, export, pdf, terminal, keys, dashboard, reliability (adskilt med komma).",
                          "Only these groups: saves, export, pdf, terminal, keys, dashboard, reliability (comma-separated)."),
    ]
}
