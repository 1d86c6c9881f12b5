import RundbordCore

/// The typeset harvest's own words: headings and phrases around the
/// document's values, the same wording as the Markdown templates
/// (Templates/harvest/harvest.*.md.mustache), and the PDF's errors. Kept in
/// this module, not RundbordPDF, so `rundbord` reports the PDF helper's
/// errors without loading Pango.
public enum PDFText: String, CatalogueKey {
    case title, subjectLine, metaDateVenue, metaOrganiser, metaVision, metaVisionBy, metaCounts, metaGenerated
    case partial, anonymous
    case initiativesHeading, initiativesIntro, noInitiatives
    case columnRank, columnInitiative, columnDots, columnTables, columnPrinciples, columnFunding, columnOwners
    case fundingDisputed, fundingHeading, fundingClass, none
    case ownersHeading, noOwners, unownedHeading
    case principlesHeading, principleHeading, questions, agreementAt, agreement, noAgreement, kindHeading
    case principleInitiatives, noNotes, noteFrom, noteAt
    case nextStepsHeading, noNextSteps
    case recipientsHeading, recipientsWithOrganiser, recipients
    case participantsHeading, anonymousParticipants, namedParticipants, noParticipants, organisations, participantTable
    case linksHeading, attachmentFile
    case appendixHeading, tableHeading, tableHeadingNamed, tableHost, tableNoteTaker, tableNotes
    case tableInitiative, tableInitiativeOwner, tableInitiativeHorizon
    case fontMissing, helperMissing, helperFailed, renderFailed
    case pdfAbstract, helpOut, helpGeneratedAt

    public static let table: [PDFText: Translation] = [
        .title: .init("Opsamling: {0}", "Harvest: {0}"),
        .subjectLine: .init("Rundbordssamtaler om visionspapiret «{0}»", "Round-table conversations on the vision paper “{0}”"),
        .metaDateVenue: .init("{0}, {1}.", "{0}, {1}."),
        .metaOrganiser: .init("Arrangør: {0}.", "Organiser: {0}."),
        .metaVision: .init("Rundbordssamtaler om visionspapiret «{0}».", "Round-table conversations on the vision paper “{0}”."),
        .metaVisionBy: .init("Rundbordssamtaler om visionspapiret «{0}» fra {1}.",
                             "Round-table conversations on the vision paper “{0}” by {1}."),
        .metaCounts: .init("{0} {0|bord|borde}, {1} {1|notat|notater}, {2} {2|indsats|indsatser} og {3} {3|prik|prikker}.",
                           "{0} {0|table|tables}, {1} {1|note|notes}, {2} {2|initiative|initiatives} and {3} {3|dot|dots}."),
        .metaGenerated: .init("Opsamlingen er lavet {0}.", "Harvest made {0}."),
        .partial: .init("Opsamlingen dækker kun bord {0}.", "This harvest covers table {0} only."),
        .anonymous: .init("Opsamlingen er anonym: ingen deltagere, talere eller organisationer er nævnt.",
                          "This harvest is anonymous: no participants, speakers or organisations are named."),
        .initiativesHeading: .init("Indsatserne, rangeret efter prikker", "The initiatives, ranked by dots"),
        .initiativesIntro: .init("Indsatser med samme ordlyd fra flere borde er lagt sammen, og deres prikker er lagt sammen.",
                                 "Initiatives worded the same at several tables are merged, and their dots added up."),
        .noInitiatives: .init("Der blev ikke foreslået nogen indsatser.", "No initiatives were proposed."),
        .columnRank: .init("Nr.", "No."),
        .columnInitiative: .init("Indsats", "Initiative"),
        .columnDots: .init("Prikker", "Dots"),
        .columnTables: .init("Bord", "Table"),
        .columnPrinciples: .init("Princip", "Principle"),
        .columnFunding: .init("Finansiering", "Funding"),
        .columnOwners: .init("Ansvarlig", "Owner"),
        .fundingDisputed: .init("(bordene var uenige)", "(the tables disagreed)"),
        .fundingHeading: .init("Hvad kræver finansiering, og hvad kan sættes i gang nu?",
                               "What needs funding, and what can start now?"),
        .fundingClass: .init("{0} ({1})", "{0} ({1})"),
        .none: .init("Ingen.", "None."),
        .ownersHeading: .init("Hvem skal handle?", "Who is to act?"),
        .noOwners: .init("Ingen indsats har endnu fået en ansvarlig aktør.", "No initiative has an owner yet."),
        .unownedHeading: .init("Endnu uden ansvarlig aktør", "No owner yet"),
        .principlesHeading: .init("Hvad blev sagt under hvert hovedprincip", "What was said under each principle"),
        .principleHeading: .init("{0}. {1}", "{0}. {1}"),
        .questions: .init("Spørgsmål til bordene:", "Questions for the tables:"),
        .agreementAt: .init("Enighed (håndsoprækning ved {0} af {1} {1|bord|borde}): {2} {3}, {4} {5}, {6} {7}, {8} {9}.",
                            "Agreement (show of hands at {0} of {1} {1|table|tables}): {2} {3}, {4} {5}, {6} {7}, {8} {9}."),
        .agreement: .init("Enighed: {0} {1}, {2} {3}, {4} {5}, {6} {7}.", "Agreement: {0} {1}, {2} {3}, {4} {5}, {6} {7}."),
        .noAgreement: .init("Ingen håndsoprækning registreret.", "No show of hands recorded."),
        .kindHeading: .init("{0} ({1})", "{0} ({1})"),
        .principleInitiatives: .init("Indsatser", "Initiatives"),
        .noNotes: .init("Ingen notater.", "No notes."),
        .noteFrom: .init("bord {0}, {1}", "table {0}, {1}"),
        .noteAt: .init("bord {0}", "table {0}"),
        .nextStepsHeading: .init("Næste skridt", "Next steps"),
        .noNextSteps: .init("Arrangøren har endnu ikke skrevet de næste skridt.", "The organiser has not written the next steps yet."),
        .recipientsHeading: .init("Hvem modtager opsamlingen", "Who receives the harvest"),
        .recipientsWithOrganiser: .init("Opsamlingen sendes med opsamlingsmailen til {0} og {1} {1|deltager|deltagere}, der har oplyst en e-mailadresse.",
                                        "The harvest goes with the follow-up mail to {0} and {1} {1|participant|participants} who gave an e-mail address."),
        .recipients: .init("Opsamlingen sendes med opsamlingsmailen til {0} {0|deltager|deltagere}, der har oplyst en e-mailadresse.",
                           "The harvest goes with the follow-up mail to {0} {0|participant|participants} who gave an e-mail address."),
        .participantsHeading: .init("Deltagere og organisationer", "Participants and organisations"),
        .anonymousParticipants: .init("Opsamlingen er anonym, så ingen deltagere eller organisationer er nævnt.",
                                      "The harvest is anonymous, so no participants or organisations are named."),
        .namedParticipants: .init("Deltagere, der har sagt ja til at blive nævnt:", "Participants who agreed to be named:"),
        .noParticipants: .init("Ingen deltagere har sagt ja til at blive nævnt.", "No participants agreed to be named."),
        .organisations: .init("Organisationer, der deltog:", "Organisations that took part:"),
        .participantTable: .init("(bord {0})", "(table {0})"),
        .linksHeading: .init("Links og bilag", "Links and attachments"),
        .attachmentFile: .init("{0} (fil: {1})", "{0} (file: {1})"),
        .appendixHeading: .init("Bilag: bordenes notater", "Appendix: the tables' notes"),
        .tableHeading: .init("Bord {0}", "Table {0}"),
        .tableHeadingNamed: .init("Bord {0}: {1}", "Table {0}: {1}"),
        .tableHost: .init("Bordvært: {0}.", "Host: {0}."),
        .tableNoteTaker: .init("Referent: {0}.", "Note-taker: {0}."),
        .tableNotes: .init("{0} {0|notat|notater}.", "{0} {0|note|notes}."),
        .tableInitiative: .init("{0} {0|prik|prikker}; {1}", "{0} {0|dot|dots}; {1}"),
        .tableInitiativeOwner: .init("ansvarlig: {0}", "owner: {0}"),
        .tableInitiativeHorizon: .init("horisont: {0}", "horizon: {0}"),
        .fontMissing: .init("skrifttypen {0} er ikke installeret; PDF'en kan ikke sættes uden den (Debian-pakken {1}; scripts/setup installerer den)",
                            "the font {0} is not installed; the PDF cannot be typeset without it (Debian package {1}; scripts/setup installs it)"),
        .helperMissing: .init("PDF'en laves af programmet rundbord-pdf, som ikke findes ved siden af {0}; byg det med swift build (scripts/setup gør det)",
                              "the PDF is made by the program rundbord-pdf, which is not beside {0}; build it with swift build (scripts/setup does)"),
        .helperFailed: .init("rundbord-pdf kunne ikke lave PDF'en (afslutningskode {0})", "rundbord-pdf could not make the PDF (exit status {0})"),
        .renderFailed: .init("PDF'en kunne ikke sættes: {0}", "the PDF could not be typeset: {0}"),
        .pdfAbstract: .init("Sæt opsamlingen som PDF (bruges af rundbord export --format pdf).",
                            "Typeset the harvest as a PDF (used by rundbord export --format pdf)."),
        .helpOut: .init("Filen der skrives; - skriver til standard output.", "The file to write; - writes to standard output."),
        .helpGeneratedAt: .init("Tidspunktet opsamlingen er lavet, i sekunder siden 1970 (standard: nu).",
                                "When the harvest is made, in seconds since 1970 (default: now)."),
    ]
}
