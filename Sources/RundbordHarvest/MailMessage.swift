import Foundation
import RundbordCore

/// An RFC 5322 / MIME message (the follow-up mail as an `.eml` file).
/// Every header value is built from sanitised single lines: a CR or LF in a
/// name, address or subject can never start a new header.
public struct MailMessage: Sendable {
    public struct Address: Sendable, Equatable {
        public var name: String
        public var email: String
        public init(name: String, email: String) { self.name = name; self.email = email }
    }

    public struct Attachment: Sendable {
        public var fileName: String
        public var contentType: String
        public var data: Data
        public init(fileName: String, contentType: String, data: Data) {
            self.fileName = fileName; self.contentType = contentType; self.data = data
        }
    }

    public var from: Address
    public var to: [Address]
    public var bcc: [String]
    public var subject: String
    public var date: Date
    public var messageId: String
    public var body: String
    public var attachments: [Attachment]
    /// Separates the MIME parts; must not occur in any part (base64 and
    /// quoted-printable never produce "=_", which it contains).
    public var boundary: String
    /// `X-Unsent: 1`: mail programs (Outlook, Thunderbird) open the file as a
    /// draft to send rather than as a message received.
    public var unsent = true
    /// The body is `format=flowed` (RFC 3676): its lines that end in a space
    /// are soft breaks (see `MailFlow`).
    public var flowed = false

    public init(from: Address, to: [Address], bcc: [String], subject: String, date: Date,
                messageId: String, body: String, attachments: [Attachment], boundary: String) {
        self.from = from; self.to = to; self.bcc = bcc; self.subject = subject; self.date = date
        self.messageId = messageId; self.body = body; self.attachments = attachments; self.boundary = boundary
    }

    /// The message's bytes with CRLF line ends.
    public func render() -> Data {
        var lines: [String] = []
        lines.append(Self.header("From", Self.address(from)))
        if !to.isEmpty { lines.append(Self.header("To", to.map(Self.address))) }
        let bcc = bcc.map(Self.addressSpec)
        if !bcc.isEmpty { lines.append(Self.header("Bcc", bcc.map { "<\($0)>" })) }
        lines.append(Self.header("Subject", Self.encodedWords(Sanitize.line(subject), prefixLength: "Subject: ".count)))
        lines.append("Date: " + Self.rfc5322Date(date))
        lines.append("Message-ID: <\(Sanitize.line(messageId))>")
        if unsent { lines.append("X-Unsent: 1") }
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("This is a multi-part message in MIME format.")
        lines.append("--" + boundary)
        lines.append("Content-Type: text/plain; charset=utf-8" + (flowed ? "; format=flowed; delsp=no" : ""))
        lines.append("Content-Transfer-Encoding: quoted-printable")
        lines.append("")
        lines.append(Self.quotedPrintable(body))
        for attachment in attachments {
            lines.append("--" + boundary)
            let name = Sanitize.line(attachment.fileName)
            // The RFC 2231 filename is the standard; the encoded-word name is
            // what older clients (Outlook) read.
            lines.append(Self.header("Content-Type", "\(attachment.contentType); name=\"\(Self.encodedWords(name, prefixLength: 8, maxBytes: 30))\""))
            lines.append(Self.header("Content-Disposition", "attachment; " + Self.rfc2231Parameter("filename", name)))
            lines.append("Content-Transfer-Encoding: base64")
            lines.append("")
            lines.append(attachment.data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]))
        }
        lines.append("--" + boundary + "--")
        lines.append("")
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    // MARK: Headers

    /// `Name <address>`: the name as a quoted string when it is plain ASCII,
    /// else as RFC 2047 encoded-words.
    static func address(_ a: Address) -> String {
        let email = addressSpec(a.email)
        let name = Sanitize.line(a.name)
        guard !name.isEmpty else { return "<\(email)>" }
        let printableASCII = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if printableASCII && !name.contains("=?") {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(email)>"
        }
        return "\(encodedWords(name, prefixLength: 6)) <\(email)>"
    }

    /// An address as a header carries it: one line, the domain in its ASCII
    /// (IDNA) form ("kø.dk" → "xn--k-5ga.dk"); as written when libidn2 cannot
    /// convert it (the export has checked the addresses it puts in a mail).
    static func addressSpec(_ email: String) -> String {
        IDNA.asciiAddress(email) ?? Sanitize.line(email)
    }

    /// A header with its value folded at white space so no line exceeds 78 characters.
    static func header(_ name: String, _ value: String) -> String {
        fold("\(name): \(value)")
    }

    /// A header whose value is a list of items (addresses): folded between items.
    static func header(_ name: String, _ items: [String]) -> String {
        fold("\(name): " + items.joined(separator: ", "))
    }

    /// Folds a header line at spaces (RFC 5322 §2.2.3) to lines of at most 78
    /// characters where a space allows it; continuation lines start with a space.
    static func fold(_ line: String) -> String {
        var out: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty { current = String(word); continue }
            if current.count + 1 + word.count > 78 {
                out.append(current)
                current = " " + word
            } else {
                current += " " + word
            }
        }
        out.append(current)
        return out.joined(separator: "\r\n")
    }

    /// RFC 2047 B-encoded words, each at most 75 characters, separated by
    /// spaces so the folding can put each on its own line. Words are split
    /// after a space of the text where possible (the space is encoded at the
    /// end of a word, as white space between encoded words is ignored by
    /// decoders), else between characters, never inside a UTF-8 sequence.
    /// `prefixLength` is what precedes the first word on its line, so the
    /// first word fits the 78-character line too. Plain ASCII is returned as is.
    static func encodedWords(_ text: String, prefixLength: Int, maxBytes: Int = 45) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if plain && !text.contains("=?") && text.count + prefixLength <= 78 { return text }
        let prefix = "=?utf-8?B?", suffix = "?="
        // Base64 takes 4 characters per 3 bytes; 12 characters are the word's frame.
        func capacity(_ room: Int) -> Int { max(3, min(maxBytes, (room - 12) / 4 * 3)) }
        var limit = capacity(78 - prefixLength)
        // Tokens: runs of non-spaces with the spaces that follow them.
        var tokens: [String] = []
        for c in text {
            if c != " ", let last = tokens.last, last.last == " " { tokens.append(String(c)); continue }
            if tokens.isEmpty { tokens.append(String(c)) } else { tokens[tokens.count - 1].append(c) }
        }
        var words: [String] = []
        var chunk = Data()
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append(prefix + chunk.base64EncodedString() + suffix)
            chunk = Data()
            limit = capacity(78 - 1)
        }
        for token in tokens {
            let bytes = Data(token.utf8)
            if chunk.count + bytes.count <= limit { chunk.append(bytes); continue }
            flush()
            if bytes.count <= limit { chunk.append(bytes); continue }
            // A token longer than a word: split between characters.
            for c in token {
                let cb = Data(String(c).utf8)
                if chunk.count + cb.count > limit { flush() }
                chunk.append(cb)
            }
        }
        flush()
        return words.joined(separator: " ")
    }

    /// An RFC 2231 parameter (`filename*=utf-8''…`), split into numbered
    /// continuations (`filename*0*=`, `filename*1*=`) when it would make a line
    /// longer than 78 characters; each is on its own folded line.
    static func rfc2231Parameter(_ name: String, _ value: String) -> String {
        let encoded = rfc2231(value)
        let single = "\(name)*=utf-8''\(encoded)"
        if single.count + 2 <= 76 { return single }
        var segments: [String] = []
        var current = ""
        var i = encoded.startIndex
        while i < encoded.endIndex {
            // Keep %XX together.
            let step = encoded[i] == "%" ? 3 : 1
            let end = encoded.index(i, offsetBy: step, limitedBy: encoded.endIndex) ?? encoded.endIndex
            if current.count + step > 50 { segments.append(current); current = "" }
            current += encoded[i..<end]
            i = end
        }
        if !current.isEmpty { segments.append(current) }
        return segments.enumerated().map { n, segment in
            "\(name)*\(n)*=" + (n == 0 ? "utf-8''" : "") + segment
        }.joined(separator: "; ")
    }

    /// RFC 2231 percent-encoding of a parameter value (attribute-char kept).
    static func rfc2231(_ text: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        return text.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }

    static func rfc5322Date(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: date)
    }

    // MARK: Body

    /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text with CRLF line ends:
    /// lines of at most 76 characters, soft breaks as "=", trailing white
    /// space and every non-ASCII byte encoded, "." at a line start encoded
    /// (some transports treat a lone "." as the end of the message).
    static func quotedPrintable(_ text: String) -> String {
        let lines = text.lineParts.map(String.init)
        var out: [String] = []
        for line in lines {
            let bytes = Array(line.utf8)
            var encoded: [String] = []
            for (i, b) in bytes.enumerated() {
                let last = i == bytes.count - 1
                let literal = (b >= 33 && b <= 126 && b != 61) || ((b == 32 || b == 9) && !last)
                if literal && !(i == 0 && b == 46) {
                    encoded.append(String(UnicodeScalar(b)))
                } else {
                    encoded.append(String(format: "=%02X", b))
                }
            }
            var current = ""
            for token in encoded {
                if current.count + token.count > 75 {
                    out.append(current + "=")
                    current = ""
                }
                current += token
            }
            out.append(current)
        }
        return out.joined(separator: "\r\n")
    }
}
