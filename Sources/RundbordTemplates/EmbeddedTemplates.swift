// The files of Templates/ beside this file, compiled into the binary (SwiftPM `.embedInCode`),
// so that an installed `rundbord` needs no folder beside it. A test checks
// that every file in Templates/ is listed here with identical bytes.

/// Bundled template files by their path relative to `Templates/`.
public enum EmbeddedTemplates {
    public static let files: [String: [UInt8]] = [
        "visions/faelles-vaerdier.yaml": PackageResources.faelles_vaerdier_yaml,
        "harvest/brief.da.md.mustache": PackageResources.brief_da_md_mustache,
        "harvest/brief.da.txt.mustache": PackageResources.brief_da_txt_mustache,
        "harvest/brief.en.md.mustache": PackageResources.brief_en_md_mustache,
        "harvest/brief.en.txt.mustache": PackageResources.brief_en_txt_mustache,
        "harvest/harvest.da.md.mustache": PackageResources.harvest_da_md_mustache,
        "harvest/harvest.da.txt.mustache": PackageResources.harvest_da_txt_mustache,
        "harvest/harvest.en.md.mustache": PackageResources.harvest_en_md_mustache,
        "harvest/harvest.en.txt.mustache": PackageResources.harvest_en_txt_mustache,
        "harvest/initiative.da.md.mustache": PackageResources.initiative_da_md_mustache,
        "harvest/initiative.da.txt.mustache": PackageResources.initiative_da_txt_mustache,
        "harvest/initiative.en.md.mustache": PackageResources.initiative_en_md_mustache,
        "harvest/initiative.en.txt.mustache": PackageResources.initiative_en_txt_mustache,
        "harvest/mail-subject.da.txt.mustache": PackageResources.mail_subject_da_txt_mustache,
        "harvest/mail-subject.en.txt.mustache": PackageResources.mail_subject_en_txt_mustache,
        "harvest/mail.da.txt.mustache": PackageResources.mail_da_txt_mustache,
        "harvest/mail.en.txt.mustache": PackageResources.mail_en_txt_mustache,
        "harvest/owner-mail.da.txt.mustache": PackageResources.owner_mail_da_txt_mustache,
        "harvest/owner-mail.en.txt.mustache": PackageResources.owner_mail_en_txt_mustache,
    ]
}
