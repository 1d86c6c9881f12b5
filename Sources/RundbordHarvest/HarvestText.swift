import RundbordCore

/// Strings of the harvest module and its commands: page footers, file
/// names, CSV headers, errors. The harvest's and the mail's wording lives
/// in the Mustache templates (Sources/RundbordTemplates/Templates/harvest/).
public enum HarvestText: String, CatalogueKey {
    case unknownPrinciple, pageFooter, harvestFileName
    case csvNotesHeader, csvInitiativesHeader
    case templateMissing, templateSyntax, mustacheCloseName, mustacheUnfinished, mustacheNoSectionEnd
    case writeCannotCreate, writeFailed
    case noSenderEmail, badSenderEmail, attachmentMissing, attachmentUnreadable
    case badURL, noSuchLink, noSuchAttachment, badWidth, badLinesPerPage, badTableList, optionOnlyFor
    case nextStepsUnreadable, pathNeedsAttachment
    case exportAbstract, eventAbstract, exportWrote
    case helpFormat, helpOut, helpTables, helpAnonymous, helpWidth, helpLinesPerPage, helpExcel
    case helpNextSteps, helpNextStepsFile, helpAddLink, helpLinkTitle, helpRemoveLink, helpSenderName
    case helpSenderEmail, helpAddAttachment, helpAttachmentPath, helpRemoveAttachment, helpClearNextSteps
    case showSender, showNextSteps, showLinks, showAttachments, showNone, showFileMissing
    case helpAddRecipient, helpRemoveRecipient, noSuchRecipient, showRecipients

    public static let table: [HarvestText: Translation] = [
        .unknownPrinciple: .init("Ukendt hovedprincip ({0})", "Unknown principle ({0})"),
        .pageFooter: .init("Side {0} af {1}", "Page {0} of {1}"),
        .harvestFileName: .init("Opsamling", "Harvest"),
        .csvNotesHeader: .init("id|bord|hovedprincip nr.|hovedprincip|type|tekst|taler|oprettet|rettet|finansiering|ansvarlig|horisont|prikker",
                               "id|table|principle no.|principle|kind|text|speaker|created|edited|funding|owner|horizon|dots"),
        .csvInitiativesHeader: .init("placering|indsats|prikker|borde|hovedprincipper|finansiering|ansvarlige|horisont",
                                     "rank|initiative|dots|tables|principles|funding|owners|horizon"),
        .templateMissing: .init("skabelonen {0} findes ikke (ledte i {1})", "template {0} not found (looked in {1})"),
        .templateSyntax: .init("{0}:{1}:{2}: fejl i skabelonen: {3}: «{4}»", "{0}:{1}:{2}: template error: {3}: «{4}»"),
        .mustacheCloseName: .init("afslutningen {{/…}} passer ikke til den åbne sektion",
                                  "the closing {{/…}} does not match the open section"),
        .mustacheUnfinished: .init("et {{…}}-mærke er ikke afsluttet", "a {{…}} tag is not finished"),
        .mustacheNoSectionEnd: .init("en sektion {{#…}} afsluttes aldrig med {{/…}}",
                                     "a section {{#…}} is never closed with {{/…}}"),
        .writeCannotCreate: .init("{0}: kan ikke oprettes: {1}; en tidligere fil er ikke rørt",
                                  "{0}: cannot be created: {1}; an earlier file was not touched"),
        .writeFailed: .init("{0}: skrivning mislykkedes: {1}; en tidligere fil er ikke rørt",
                            "{0}: writing failed: {1}; an earlier file was not touched"),
        .noSenderEmail: .init("arrangementet har ingen afsenderadresse; sæt den med: rundbord event FIL --sender-email ADRESSE",
                              "the event has no sender address; set it with: rundbord event FILE --sender-email ADDRESS"),
        .badSenderEmail: .init("afsenderadressen '{0}' er ugyldig", "the sender address '{0}' is not valid"),
        .attachmentMissing: .init("bilaget '{0}': filen {1} findes ikke; ret stien med rundbord event FIL --add-attachment NAVN --path FIL eller fjern bilaget",
                                  "attachment '{0}': the file {1} does not exist; fix the path with rundbord event FILE --add-attachment NAME --path FILE or remove the attachment"),
        .attachmentUnreadable: .init("bilaget '{0}': {1} kan ikke læses: {2}", "attachment '{0}': {1} cannot be read: {2}"),
        .badURL: .init("linket '{0}' skal begynde med https://, http:// eller mailto:",
                       "the link '{0}' must start with https://, http:// or mailto:"),
        .noSuchLink: .init("link nr. {0} findes ikke (der er {1})", "link number {0} does not exist (there are {1})"),
        .noSuchAttachment: .init("bilag nr. {0} findes ikke (der er {1})", "attachment number {0} does not exist (there are {1})"),
        .badWidth: .init("bredden skal være 40 til 200 tegn, ikke {0}", "the width must be 40 to 200 columns, not {0}"),
        .badLinesPerPage: .init("linjer pr. side skal være 20 til 200, ikke {0}", "lines per page must be 20 to 200, not {0}"),
        .badTableList: .init("--tables forventer bordnumre adskilt af komma, fx 1,3; fik '{0}'",
                             "--tables expects table numbers separated by commas, e.g. 1,3; got '{0}'"),
        .optionOnlyFor: .init("{0} gælder kun for --format {1}", "{0} applies to --format {1} only"),
        .nextStepsUnreadable: .init("{0}: kan ikke læses: {1}", "{0}: cannot be read: {1}"),
        .pathNeedsAttachment: .init("--path hører til --add-attachment", "--path belongs to --add-attachment"),
        .exportAbstract: .init("Eksportér opsamlingen: Markdown, tekst til print, PDF, opsamlingsmail, CSV eller JSON.",
                               "Export the harvest: Markdown, print-ready text, PDF, follow-up mail, CSV or JSON."),
        .eventAbstract: .init("Vis eller ret arrangementets næste skridt, links, afsender og bilag.",
                              "Show or edit the event's next steps, links, sender and attachments."),
        .exportWrote: .init("Skrev {0}", "Wrote {0}"),
        .helpFormat: .init("md, txt, pdf (sat til print og skærm, A4), eml (deltagernes mail), mailtext (mailens tekst), brief (kort overblik til beslutningstagere), brief-txt, brief-pdf, owner-mails (en mail pr. ansvarlig, i en mappe), csv (notater), initiatives-csv eller json.",
                           "md, txt, pdf (typeset for print and screen, A4), eml (the participants' mail), mailtext (the mail's body), brief (for decision makers), brief-txt, brief-pdf, owner-mails (a mail per owner, in a folder), csv (notes), initiatives-csv or json."),
        .helpOut: .init("Filen der skrives; - skriver til standard output. Standard: arrangementsfilens navn med formatets endelse.",
                        "The file to write; - writes to standard output. Default: the event file's name with the format's extension."),
        .helpTables: .init("Kun disse borde, fx 1,3.", "Only these tables, e.g. 1,3."),
        .helpAnonymous: .init("Navngiv ingen: ingen deltagerliste, ingen talere, ingen organisationer.",
                              "Name nobody: no participant list, no speakers, no organisations."),
        .helpWidth: .init("Linjebredde for tekst (txt, mailtext, eml).", "Line width of text (txt, mailtext, eml)."),
        .helpLinesPerPage: .init("Linjer pr. side for txt (66 passer til A4 med paps --font 'Monospace 8.5' eller enscript -L 66; se docs/TEMPLATES-HARVEST.md).",
                                 "Lines per page for txt (66 fits A4 with paps --font 'Monospace 8.5' or enscript -L 66; see docs/TEMPLATES-HARVEST.md)."),
        .helpExcel: .init("CSV til dansk Excel: UTF-8 BOM og ; som skilletegn.", "CSV for Danish Excel: UTF-8 BOM and ; as delimiter."),
        .helpNextSteps: .init("Sæt næste skridt (tekst).", "Set the next steps (text)."),
        .helpNextStepsFile: .init("Sæt næste skridt fra en fil (- læser standard input).", "Set the next steps from a file (- reads standard input)."),
        .helpAddLink: .init("Tilføj et link (https://…).", "Add a link (https://…)."),
        .helpLinkTitle: .init("Titel på linket fra --add-link.", "Title of the link given with --add-link."),
        .helpRemoveLink: .init("Fjern link nr. N (1 er det første).", "Remove link number N (1 is the first)."),
        .helpSenderName: .init("Afsenderens navn i opsamlingsmailen.", "The sender's name in the follow-up mail."),
        .helpSenderEmail: .init("Afsenderens e-mailadresse (mailen sendes også til den).", "The sender's e-mail address (the mail is also sent to it)."),
        .helpAddAttachment: .init("Tilføj et bilag, fx \"Bilag 1: Visionspapir\"; med samme navn rettes det.",
                                  "Add an attachment, e.g. \"Bilag 1: Visionspapir\"; the same name updates it."),
        .helpAttachmentPath: .init("Filen til bilaget fra --add-attachment; vedhæftes mailen.",
                                   "The file of the attachment given with --add-attachment; attached to the mail."),
        .helpRemoveAttachment: .init("Fjern bilag nr. N (1 er det første).", "Remove attachment number N (1 is the first)."),
        .helpClearNextSteps: .init("Slet næste skridt.", "Clear the next steps."),
        .showSender: .init("Afsender: {0} <{1}>", "Sender: {0} <{1}>"),
        .showNextSteps: .init("Næste skridt:", "Next steps:"),
        .showLinks: .init("Links:", "Links:"),
        .showAttachments: .init("Bilag:", "Attachments:"),
        .showNone: .init("(ingen)", "(none)"),
        .showFileMissing: .init("(filen findes ikke)", "(the file does not exist)"),
        .helpAddRecipient: .init("Send også opsamlingsmailen til denne adresse (Til:), fx politikeren eller sekretariatet; kan gives flere gange.",
                                 "Also address the follow-up mail to this address (To:), e.g. the politician or the secretariat; may be given more than once."),
        .helpRemoveRecipient: .init("Fjern en ekstra modtager: nr. N (1 er den første) eller adressen.",
                                    "Remove an extra recipient: number N (1 is the first) or the address."),
        .noSuchRecipient: .init("modtageren '{0}' findes ikke (der er {1})", "the recipient '{0}' does not exist (there are {1})"),
        .showRecipients: .init("Mailen sendes også til (Til:):", "The mail also goes to (To:):"),
    ]
}
