import RundbordCore

/// The curation screen's and the move dialog's own texts, in Danish and
/// English (their keys' names and descriptions are in `TUIText`, with the key table).
public enum CurationScreenText: String, CatalogueKey {
    case title, loading, marked
    case tabInitiatives, tabSuggestions, tabOwners, tabKeyMessages, tabEvent
    case noInitiatives, noSuggestions, noOwners, sourcesLead, sourceLine
    case suggestionScore, suggestionMergeHint, ownerLine, ownerAliases, ownersHint
    case keyMessageEvent, keyMessageNone, keyMessagesHint, eventHint, none
    case formInitiative, formKeyMessage, formEvent
    case fieldText, fieldFunding, fieldOwner, fieldHorizon, fieldCost, fieldDecision
    case fieldNextSteps, fieldSender, fieldSenderEmail, fieldRecipients, fieldLinks, fieldAttachments
    case hintText, hintMultiline, hintChoice, hintCost, hintLinks, hintAttachments, hintEmail, hintRecipients
    case messageMerged, messageSplit, messageEdited, messageAliased, messageKeyMessage, messageEventSaved
    case messageUndone, messageRedone, messageNothingChanged, messageMarkTwo, messageNotMerged, messageMarkOwners
    case errorCost, errorLink, errorEmail, errorRecipient, errorAttachment
    case moveTitle, movePrinciple, moveTable, messageMoved, messageMoveWhat, movePlacePrinciple, movePlaceTable
    case harvestNoNextSteps, harvestExportWithoutNextSteps

    public static let table: [CurationScreenText: Translation] = [
        .title: .init("Kuratér opsamlingen", "Curate the harvest"),
        .loading: .init("Læser arrangementet…", "Reading the event…"),
        .marked: .init("{0} markeret — m lægger {0|den|dem} sammen med den valgte", "{0} marked — m merges {0|it|them} with the selected one"),
        .tabInitiatives: .init("Indsatser ({0})", "Initiatives ({0})"),
        .tabSuggestions: .init("Forslag ({0})", "Suggestions ({0})"),
        .tabOwners: .init("Ejere ({0})", "Owners ({0})"),
        .tabKeyMessages: .init("Kort fortalt", "Key messages"),
        .tabEvent: .init("Arrangement", "Event"),
        .noInitiatives: .init("Ingen indsatser endnu.", "No initiatives yet."),
        .noSuggestions: .init("Ingen forslag til sammenlægning: ingen indsatser ligner hinanden nok.",
                              "No merge suggestions: no initiatives are alike enough."),
        .noOwners: .init("Ingen indsats har en ejer endnu (Enter på en indsats, eller F7 ved bordet).",
                         "No initiative has an owner yet (Enter on an initiative, or F7 at the table)."),
        .sourcesLead: .init("Kommer fra:", "Comes from:"),
        .sourceLine: .init("bord {0} · princip {1} · {2} {2|prik|prikker}: {3}", "table {0} · principle {1} · {2} {2|dot|dots}: {3}"),
        .suggestionScore: .init("{0} ens", "{0} alike"),
        .suggestionMergeHint: .init("Enter lægger parret sammen; ret teksten bagefter under Indsatser.",
                                    "Enter merges the pair; edit its text afterwards under Initiatives."),
        .ownerLine: .init("{0} ({1} {1|indsats|indsatser})", "{0} ({1} {1|initiative|initiatives})"),
        .ownerAliases: .init("også skrevet: {0}", "also written: {0}"),
        .ownersHint: .init("Markér stavemåderne med mellemrum, stå på den rigtige og tryk Enter: de hedder den i hele opsamlingen.",
                           "Mark the spellings with Space, stand on the right one and press Enter: the whole harvest uses it."),
        .keyMessageEvent: .init("Hele arrangementet", "The whole event"),
        .keyMessageNone: .init("(ikke skrevet)", "(not written)"),
        .keyMessagesHint: .init("Kort fortalt står først i opsamlingen: ét for arrangementet og ét pr. princip. Enter skriver.",
                                "Key messages come first in the harvest: one for the event and one per principle. Enter writes."),
        .eventHint: .init("Enter retter arrangementets oplysninger; opsamlingen og mailen viser dem.",
                          "Enter edits the event's details; the harvest and the mail show them."),
        .none: .init("(ingen)", "(none)"),
        .formInitiative: .init("Ret indsats", "Edit the initiative"),
        .formKeyMessage: .init("Kort fortalt: {0}", "Key message: {0}"),
        .formEvent: .init("Arrangementets oplysninger", "The event's details"),
        .fieldText: .init("Tekst", "Text"),
        .fieldFunding: .init("Finansiering", "Funding"),
        .fieldOwner: .init("Ejer", "Owner"),
        .fieldHorizon: .init("Horisont", "Horizon"),
        .fieldCost: .init("Anslået pris", "Estimated cost"),
        .fieldDecision: .init("Beslutning", "Decision"),
        .fieldNextSteps: .init("Næste skridt", "Next steps"),
        .fieldSender: .init("Afsender/kontakt", "Sender/contact"),
        .fieldSenderEmail: .init("Afsenders e-mail", "Sender's e-mail"),
        .fieldRecipients: .init("Også til (Til:)", "Also to (To:)"),
        .fieldLinks: .init("Links", "Links"),
        .fieldAttachments: .init("Bilag", "Attachments"),
        .hintText: .init("Enter gemmer · Tab næste felt · Esc annullerer", "Enter saves · Tab next field · Esc cancels"),
        .hintMultiline: .init("Alt-Enter ny linje · Enter gemmer · Tab næste felt", "Alt-Enter new line · Enter saves · Tab next field"),
        .hintChoice: .init("← → vælger · Enter gemmer · Tab næste felt", "← → chooses · Enter saves · Tab next field"),
        .hintCost: .init("Hele kroner, fx 250.000; tomt: ingen pris", "Whole kroner, e.g. 250000; empty: no cost"),
        .hintLinks: .init("Ét link pr. linje: Titel | https://… (titlen kan udelades)", "One link a line: Title | https://… (the title may be left out)"),
        .hintAttachments: .init("Ét bilag pr. linje: Navn | /sti/til/fil (stien kan udelades)",
                                "One attachment a line: Name | /path/to/file (the path may be left out)"),
        .hintRecipients: .init("Fx politiker, sekretariat: én pr. linje el. komma imellem (deltagere: Bcc)",
                               "E.g. politician, secretariat: one a line or commas (participants: Bcc)"),
        .hintEmail: .init("Mailen sendes fra denne adresse, og den står som kontakt", "The mail is sent from this address, shown as the contact"),
        .messageMerged: .init("Lagt sammen: {0} indsatser til »{1}« — Ctrl-Z fortryder", "Merged: {0} initiatives into “{1}” — Ctrl-Z undoes"),
        .messageSplit: .init("Delt igen: »{0}« — Ctrl-Z fortryder", "Split again: “{0}” — Ctrl-Z undoes"),
        .messageEdited: .init("Gemt: »{0}«", "Saved: “{0}”"),
        .messageAliased: .init("{0} hedder nu »{1}« i hele opsamlingen", "{0} is now “{1}” throughout the harvest"),
        .messageKeyMessage: .init("Kort fortalt gemt for {0}", "Key message saved for {0}"),
        .messageEventSaved: .init("Arrangementets oplysninger er gemt", "The event's details are saved"),
        .messageUndone: .init("Fortrudt: {0}", "Undone: {0}"),
        .messageRedone: .init("Gentaget: {0}", "Redone: {0}"),
        .messageNothingChanged: .init("Intet ændret", "Nothing changed"),
        .messageMarkTwo: .init("Markér en anden indsats med mellemrum, stå på den, der skal lægges sammen med, og tryk m",
                               "Mark another initiative with Space, stand on the one to merge with, and press m"),
        .messageNotMerged: .init("»{0}« er ikke lagt sammen; s deler kun sammenlagte indsatser",
                                 "“{0}” is not merged; s splits merged initiatives only"),
        .messageMarkOwners: .init("Markér først de stavemåder, der skal hedde som den valgte, med mellemrum",
                                  "First mark the spellings that should read as the selected one, with Space"),
        .errorCost: .init("»{0}« er ikke et beløb i hele kroner (fx 250.000)", "“{0}” is not an amount in whole kroner (e.g. 250000)"),
        .errorLink: .init("Links, linje {0}: »{1}« er ikke et link (https://… eller mailto:…)",
                          "Links, line {0}: “{1}” is not a link (https://… or mailto:…)"),
        .errorEmail: .init("»{0}« er ikke en e-mailadresse", "“{0}” is not an e-mail address"),
        .errorRecipient: .init("Også til: »{0}« er ikke en e-mailadresse, der kan stå i en mail",
                               "Also to: “{0}” is not an e-mail address a mail can carry"),
        .errorAttachment: .init("Bilag, linje {0}: filen {1} findes ikke", "Attachments, line {0}: the file {1} does not exist"),
        .moveTitle: .init("Flyt »{0}« til", "Move “{0}” to"),
        .movePrinciple: .init("Princip {0}: {1}", "Principle {0}: {1}"),
        .moveTable: .init("Bord {0}, samme princip", "Table {0}, same principle"),
        .messageMoved: .init("Flyttet: »{0}« til {1} — Ctrl-Z fortryder", "Moved: “{0}” to {1} — Ctrl-Z undoes"),
        .messageMoveWhat: .init("Vælg først notatet med ↑, og tryk så Alt-m", "First select the note with ↑, then press Alt-m"),
        .movePlacePrinciple: .init("princip {0}", "principle {0}"),
        .movePlaceTable: .init("bord {0}", "table {0}"),
        .harvestNoNextSteps: .init("Næste skridt er ikke skrevet — k: Kuratér › Arrangement",
                                   "The next steps are not written — k: Curate › Event"),
        .harvestExportWithoutNextSteps: .init("Næste skridt er tomme. Enter igen skriver alligevel; k skriver dem først.",
                                              "The next steps are empty. Enter again writes anyway; k writes them first."),
    ]
}
