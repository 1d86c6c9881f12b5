import RundbordCore

/// The typeset harvest's own words: headings and phrases around the
/// document's values, the same wording as the Markdown templates
/// (Templates/harvest/harvest.*.md.mustache), and the PDF's errors. Kept in
/// this module, not RundbordPDF, so `rundbord` reports the PDF helper's
/// errors without loading Pango.
public enum PDFText: String, CatalogueKey {
    case title, subjectLine, metaLead, metaLeadBy, keyMessages, counts, countsWithOrganisations
    case partial, anonymousLeftOut, namedLeftOut, thanks
    case nextStepsLead, noNextSteps, recipientsLead, recipientsWithOrganiser, recipients, contactLead
    case fundingHeading, fundingIntro, noInitiatives
    case columnRank, columnInitiative, columnDots, columnTables, columnFunding, columnOwners
    case fundingDisputed, proposedBy, horizon, cost
    case ownersHeading, ownerNumbers, unownedNumbers, noOwners
    case principlesHeading, principlesIntro, principleHeading, principleInitiatives, agreementAt, agreement
    case kindHeading, noteAt
    case participantsHeading, organisationsBehind, anonymousParticipants, namedParticipants, noParticipants
    case linksHeading, attachmentFile, none
    case appendixHeading, tableHeading, tableHeadingNamed, tableHost, tableNoteTaker, tableNotes
    case initiativesLabel, tableInitiative, tableInitiativeOwner, tableInitiativeHorizon
    case noRecipients, noRecipientsWithOrganiser
    case fontMissing, helperMissing, helperFailed, helperFailedSaying, renderFailed
    case briefTitle, briefEventHeading, briefOrganisations, briefOutcomeHeading, briefNoKeyMessages
    case briefFundingIntro, briefPoliticalHeading, briefNoPolitical, briefNextHeading
    case pdfAbstract, helpOut, helpGeneratedAt, helpFile, helpLang, helpDocument

    public static let table: [PDFText: Translation] = [
        .title: .init("Opsamling: {0}", "Harvest: {0}"),
        .subjectLine: .init("Rundbordssamtaler om visionspapiret »{0}«", "Round-table conversations on the vision paper “{0}”"),
        .metaLead: .init("{0}. Rundbordssamtaler om visionspapiret »{1}«.", "{0}. Round-table conversations on the vision paper “{1}”."),
        .metaLeadBy: .init("{0}. Rundbordssamtaler om visionspapiret »{1}« fra {2}.",
                           "{0}. Round-table conversations on the vision paper “{1}” by {2}."),
        .keyMessages: .init("Det vigtigste", "Key messages"),
        .counts: .init("{0} {0|deltager|deltagere} ved {1} {1|bord|borde} skrev {2} {2|notat|notater} og foreslog {3} {3|indsats|indsatser}, som fik {4} {4|prik|prikker}.",
                       "{0} {0|participant|participants} at {1} {1|table|tables} wrote {2} {2|note|notes} and proposed {3} {3|initiative|initiatives}, which received {4} {4|dot|dots}."),
        .countsWithOrganisations: .init("{0} {0|deltager|deltagere} fra {5} {5|organisation|organisationer} ved {1} {1|bord|borde} skrev {2} {2|notat|notater} og foreslog {3} {3|indsats|indsatser}, som fik {4} {4|prik|prikker}.",
                                        "{0} {0|participant|participants} from {5} {5|organisation|organisations} at {1} {1|table|tables} wrote {2} {2|note|notes} and proposed {3} {3|initiative|initiatives}, which received {4} {4|dot|dots}."),
        .partial: .init("Opsamlingen dækker kun {0}.", "This harvest covers {0} only."),
        .anonymousLeftOut: .init("Opsamlingen er anonym: ingen deltagere er nævnt ved navn, men organisationer er. Udeladt er {0} {0|kreditering|krediteringer} af deltagere, {1} {1|navn|navne} på deltagerlisten og {2} {2|navn|navne} i teksterne, der er erstattet med »en deltager«.",
                                 "This harvest is anonymous: no participant is named, organisations are. Left out are {0} {0|credit|credits} of participants, {1} {1|name|names} in the participant list and {2} {2|name|names} in the texts, replaced by “a participant”."),
        .namedLeftOut: .init("Kun deltagere, der har sagt ja til det, er nævnt ved navn. Udeladt er {0} {0|kreditering|krediteringer} af deltagere, {1} {1|navn|navne} på deltagerlisten og {2} {2|navn|navne} i teksterne, der er erstattet med »en deltager«.",
                             "Only participants who agreed are named. Left out are {0} {0|credit|credits} of participants, {1} {1|name|names} in the participant list and {2} {2|name|names} in the texts, replaced by “a participant”."),
        .thanks: .init("Tak til alle, der deltog, til bordværterne og referenterne og til de organisationer, der lagde tid og erfaring i samtalerne.",
                       "Thank you to everyone who took part, to the table hosts and note-takers, and to the organisations that gave their time and experience to the conversations."),
        .nextStepsLead: .init("Næste skridt.", "Next steps."),
        .noNextSteps: .init("Arrangøren har endnu ikke skrevet de næste skridt.", "The organiser has not written the next steps yet."),
        .recipientsLead: .init("Hvem modtager opsamlingen.", "Who receives the harvest."),
        .recipientsWithOrganiser: .init("{0} og {1} {1|deltager|deltagere}, der har oplyst en e-mailadresse, får opsamlingen med opsamlingsmailen.",
                                        "{0} and {1} {1|participant|participants} who gave an e-mail address receive the harvest with the follow-up mail."),
        .recipients: .init("{0} {0|deltager|deltagere}, der har oplyst en e-mailadresse, får opsamlingen med opsamlingsmailen.",
                           "{0} {0|participant|participants} who gave an e-mail address receive the harvest with the follow-up mail."),
        .noRecipients: .init("Ingen deltager har oplyst en e-mailadresse endnu.", "No participant has given an e-mail address yet."),
        .noRecipientsWithOrganiser: .init("Ingen deltager har oplyst en e-mailadresse endnu; opsamlingen går til {0}.",
                                          "No participant has given an e-mail address yet; the harvest goes to {0}."),
        .contactLead: .init("Kontakt:", "Contact:"),
        .fundingHeading: .init("Hvad kræver finansiering, og hvad kan sættes i gang nu?",
                               "What needs funding, and what can start now?"),
        .fundingIntro: .init("Alle indsatser én gang, efter finansiering og derefter prikker. Nummeret bruges i resten af opsamlingen. Indsatser med samme ordlyd fra flere borde er lagt sammen.",
                             "Every initiative once, by funding and then by dots. The number is used in the rest of the harvest. Initiatives worded the same at several tables are merged."),
        .noInitiatives: .init("Der blev ikke foreslået nogen indsatser.", "No initiatives were proposed."),
        .columnRank: .init("Nr.", "No."),
        .columnInitiative: .init("Indsats", "Initiative"),
        .columnDots: .init("Prikker", "Dots"),
        .columnTables: .init("Borde", "Tables"),
        .columnFunding: .init("Finansiering", "Funding"),
        .columnOwners: .init("Ansvarlig", "Owner"),
        .fundingDisputed: .init("(bordene var uenige)", "(the tables disagreed)"),
        .proposedBy: .init("Foreslået af {0}.", "Proposed by {0}."),
        .horizon: .init("Horisont: {0}.", "Horizon: {0}."),
        .cost: .init("Pris: {0}.", "Cost: {0}."),
        .ownersHeading: .init("Hvem skal handle?", "Who is to act?"),
        .ownerNumbers: .init("{0}: {1}", "{0}: {1}"),
        .unownedNumbers: .init("Endnu uden ansvarlig: {0}", "No owner yet: {0}"),
        .noOwners: .init("Ingen indsatser, ingen ansvarlige.", "No initiatives, no owners."),
        .principlesHeading: .init("Hvad blev sagt under hvert hovedprincip", "What was said under each principle"),
        .principlesIntro: .init("Idéer, bekymringer, spørgsmål og citater. Alle notater, også pointerne, står i bilaget under hvert bord.",
                                "Ideas, concerns, questions and quotes. Every note, the points too, is in the appendix under its table."),
        .principleHeading: .init("{0}. {1}", "{0}. {1}"),
        .principleInitiatives: .init("Indsatser: {0}.", "Initiatives: {0}."),
        .agreementAt: .init("Enighed ved {0} af {1} {1|bord|borde}: {2} {3}, {4} {5}, {6} {7}, {8} {9}.",
                            "Agreement at {0} of {1} {1|table|tables}: {2} {3}, {4} {5}, {6} {7}, {8} {9}."),
        .agreement: .init("Enighed: {0} {1}, {2} {3}, {4} {5}, {6} {7}.", "Agreement: {0} {1}, {2} {3}, {4} {5}, {6} {7}."),
        .kindHeading: .init("{0} ({1})", "{0} ({1})"),
        .noteAt: .init("{0}, {1}", "{0}, {1}"),
        .participantsHeading: .init("Organisationer og deltagere", "Organisations and participants"),
        .organisationsBehind: .init("{0|Organisationen|Organisationerne} bag samtalerne: {1}.",
                                    "{0|The organisation|The organisations} behind the conversations: {1}."),
        .anonymousParticipants: .init("Opsamlingen er anonym, så ingen deltagere er nævnt.", "This harvest is anonymous, so no participants are named."),
        .namedParticipants: .init("Deltagere, der har sagt ja til at blive nævnt:", "Participants who agreed to be named:"),
        .noParticipants: .init("Ingen deltagere har sagt ja til at blive nævnt.", "No participants agreed to be named."),
        .linksHeading: .init("Links og bilag", "Links and attachments"),
        .attachmentFile: .init("{0} (fil: {1})", "{0} (file: {1})"),
        .none: .init("Ingen.", "None."),
        .appendixHeading: .init("Bilag: bordenes notater", "Appendix: the tables' notes"),
        .tableHeading: .init("Bord {0}", "Table {0}"),
        .tableHeadingNamed: .init("Bord {0}: {1}", "Table {0}: {1}"),
        .tableHost: .init("Bordvært: {0}.", "Host: {0}."),
        .tableNoteTaker: .init("Referent: {0}.", "Note-taker: {0}."),
        .tableNotes: .init("{0} {0|notat|notater}.", "{0} {0|note|notes}."),
        .initiativesLabel: .init("Indsatser", "Initiatives"),
        .tableInitiative: .init("Nr. {0}: ", "No. {0}: "),
        .tableInitiativeOwner: .init("ansvarlig: {0}", "owner: {0}"),
        .tableInitiativeHorizon: .init("horisont: {0}", "horizon: {0}"),
        .fontMissing: .init("skrifttypen {0} er ikke installeret; PDF'en kan ikke sættes uden den (Debian-pakken {1}; scripts/setup installerer den)",
                            "the font {0} is not installed; the PDF cannot be typeset without it (Debian package {1}; scripts/setup installs it)"),
        .helperMissing: .init("PDF'en laves af programmet rundbord-pdf, som ikke findes ved siden af {0}; byg det med swift build (scripts/setup gør det)",
                              "the PDF is made by the program rundbord-pdf, which is not beside {0}; build it with swift build (scripts/setup does)"),
        .helperFailed: .init("rundbord-pdf kunne ikke lave PDF'en (afslutningskode {0})", "rundbord-pdf could not make the PDF (exit status {0})"),
        .helperFailedSaying: .init("rundbord-pdf kunne ikke lave PDF'en (afslutningskode {0}): {1}",
                                   "rundbord-pdf could not make the PDF (exit status {0}): {1}"),
        .renderFailed: .init("PDF'en kunne ikke sættes: {0}", "the PDF could not be typeset: {0}"),
        .briefTitle: .init("Kort overblik til beslutningstagere: {0}", "Brief for decision makers: {0}"),
        .briefEventHeading: .init("Hvad var arrangementet, og hvem deltog?", "What was the event, and who took part?"),
        .briefOrganisations: .init("Organisationer: {0}.", "Organisations: {0}."),
        .briefOutcomeHeading: .init("Hvad kom der ud af det?", "What came out of it?"),
        .briefNoKeyMessages: .init("Arrangøren har endnu ikke skrevet hovedbudskaberne; se opsamlingens tabel over indsatserne.",
                                   "The organiser has not written the key messages yet; see the harvest's table of initiatives."),
        .briefFundingIntro: .init("Numrene er opsamlingens; indsatser med flest prikker først.",
                                  "The numbers are the harvest's; the initiatives with the most dots first."),
        .briefPoliticalHeading: .init("Hvad kræver en politisk beslutning?", "What needs a political decision?"),
        .briefNoPolitical: .init("Arrangøren har ikke markeret nogen indsats som en sag til politisk beslutning.",
                                 "The organiser has not marked any initiative as a case for a political decision."),
        .briefNextHeading: .init("Hvad sker der nu?", "What happens next?"),
        .pdfAbstract: .init("Sæt opsamlingen som PDF (bruges af rundbord export --format pdf).",
                            "Typeset the harvest as a PDF (used by rundbord export --format pdf)."),
        .helpOut: .init("Filen der skrives; - skriver til standard output.", "The file to write; - writes to standard output."),
        .helpGeneratedAt: .init("Tidspunktet opsamlingen er lavet, i sekunder siden 1970 (standard: nu).",
                                "When the harvest is made, in seconds since 1970 (default: now)."),
        .helpFile: .init("Arrangementsfilen (.rundbord).", "The event file (.rundbord)."),
        .helpLang: .init("Sprog: da eller en.", "Language: da or en."),
        .helpDocument: .init("Hvad der sættes: harvest (opsamlingen) eller brief (det korte overblik til beslutningstagere).",
                             "What to typeset: harvest (the harvest) or brief (the decision makers' brief)."),
    ]
}
