import RundbordCore

/// Strings of the mails (participants' mail, owners' drafts) and the brief
/// that are not in their templates: options, warnings, file names.
public enum MailText: String, CatalogueKey {
    case helpTo, badRecipient, attachmentHasNoFile, addressUnmailable, ownerFileName, ownerSubject
    case ownerMailsNeedFolder, ownerMailsNone, ownerMailsWrote, helpNewAttachment

    public static let table: [MailText: Translation] = [
        .helpTo: .init("Endnu en modtager af mailen (To:) ud over arrangøren; kan gives flere gange.",
                       "Another recipient of the mail (To:) besides the organiser; may be given more than once."),
        .badRecipient: .init("modtageren '{0}' er ikke en e-mailadresse, der kan skrives i en mail",
                             "the recipient '{0}' is not an e-mail address that can be written in a mail"),
        .attachmentHasNoFile: .init("advarsel: bilaget '{0}' er nævnt, men har ingen fil, så det kommer ikke med i mailen; vedhæft filen med: rundbord event FIL --add-attachment '{0}' --path FIL",
                                    "warning: the attachment '{0}' is listed but has no file, so the mail will not carry it; attach the file with: rundbord event FILE --add-attachment '{0}' --path FILE"),
        .addressUnmailable: .init("advarsel: adressen {0} kan ikke skrives i en mail (domænet er ikke et gyldigt domænenavn) og er udeladt",
                                  "warning: the address {0} cannot be written in a mail (its domain is not a valid domain name) and is left out"),
        .ownerFileName: .init("Til {0}", "To {0}"),
        .ownerSubject: .init("Indsatser fra {0} – kan I tage dem videre?", "Initiatives from {0} – can you take them on?"),
        .ownerMailsNeedFolder: .init("--format owner-mails skriver en mappe; --out - (standard output) kan ikke bruges",
                                     "--format owner-mails writes a folder; --out - (standard output) cannot be used"),
        .ownerMailsNone: .init("ingen indsatser har en ansvarlig; der er ingen mails at skrive",
                               "no initiative has an owner; there are no mails to write"),
        .helpNewAttachment: .init("Visionspapiret som fil (fx PDF): vedhæftes opsamlingsmailen som visionens bilag.",
                                  "The vision paper as a file (e.g. PDF): attached to the follow-up mail as the vision's attachment."),
        .ownerMailsWrote: .init("Skrev {0} {0|mail|mails} i {1}", "Wrote {0} {0|mail|mails} to {1}"),
    ]
}
