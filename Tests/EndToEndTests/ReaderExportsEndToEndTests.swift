import Foundation
import RundbordTestSupport
import Testing

/// The vision paper attached from `new`, the mail's extra recipient in IDNA
/// form, an attachment without a file flagged before the mail is written,
/// and the owners' drafts in a folder: through the real `rundbord`.
@Suite("Mails and brief from the command line")
struct ReaderExportsEndToEndTests {
    @Test func theVisionPaperIsAttachedAndAListedAttachmentWithoutAFileIsFlagged() throws {
        let dir = TempFolder(prefix: "rundbord-e2e")
        let paper = dir.path("visionspapir.pdf")
        try Data("%PDF-1.4\n% visionspapiret\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: paper))
        let file = dir.path("raadhus.rundbord"), bare = dir.path("bar.rundbord")
        let made = try rundbord(["new", file, "--tables", "2", "--organiser-email", "okf@kk.example", "--attachment", paper])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try rundbord(["new", bare, "--tables", "2", "--organiser-email", "okf@kk.example"]).status == 0)
        let note = try rundbord(["note", file, "--table", "1", "--principle", "1", "--funding", "can_start_now",
                                 "--owner", "Jobcentret", "!Fast kontaktperson i jobcentret"])
        #expect(note.status == 0, "\(note.stderr)")

        let mail = try rundbord(["export", file, "--format", "eml", "--to", "raadet@kø.dk", "--out", dir.path("mail.eml")])
        #expect(mail.status == 0, "\(mail.stderr)")
        #expect(!mail.stderr.contains("Bilag 1"), "\(mail.stderr)")
        let raw = try String(contentsOfFile: dir.path("mail.eml"), encoding: .utf8)
        #expect(raw.contains("filename*=utf-8''visionspapir.pdf"))
        #expect(raw.contains("raadet@xn--k-5ga.dk"))
        #expect(raw.contains("X-Unsent: 1"))

        // The bundled "Bilag 1: Visionspapir" without a file: said before the mail is written.
        let flagged = try rundbord(["export", bare, "--format", "eml", "--out", dir.path("bar.eml")])
        #expect(flagged.status == 0, "\(flagged.stderr)")
        #expect(flagged.stderr.contains("Bilag 1: Visionspapir"), "\(flagged.stderr)")
        #expect(flagged.stderr.contains("--add-attachment"))

        // A paper that is not there is refused when the event is made.
        let missing = try rundbord(["new", dir.path("x.rundbord"), "--attachment", dir.path("findes-ikke.pdf")])
        #expect(missing.status == 66, "\(missing.stderr)")

        // One draft per owner, in a folder, owner-only.
        let owners = try rundbord(["export", file, "--format", "owner-mails"])
        #expect(owners.status == 0, "\(owners.stderr)")
        let folder = dir.path("raadhus.owner-mails")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files == ["01 Til Jobcentret.eml"])
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/" + files[0])[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try rundbord(["export", file, "--format", "owner-mails", "--out", "-"]).status == 64)

        // The brief, both kinds.
        #expect(try rundbord(["export", file, "--format", "brief"]).status == 0)
        #expect(try rundbord(["export", file, "--format", "brief-txt"]).status == 0)
        let brief = try String(contentsOfFile: dir.path("raadhus.brief.md"), encoding: .utf8)
        #expect(brief.contains("Nr. 1: Fast kontaktperson i jobcentret"))
        #expect(FileManager.default.fileExists(atPath: dir.path("raadhus.brief.txt")))
    }
}
