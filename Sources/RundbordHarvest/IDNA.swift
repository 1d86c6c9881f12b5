import CIDN2
import RundbordCore

/// Internationalised domain names in their ASCII form, with GNU libidn2
/// (IDNA2008, UTS #46 non-transitional mapping): `kontakt@kø.dk` goes into a
/// mail header as `kontakt@xn--k-5ga.dk`, as RFC 5322 headers are ASCII.
public enum IDNA {
    /// The domain in ASCII ("kø.dk" → "xn--k-5ga.dk"); nil when it is not a valid domain name.
    public static func asciiDomain(_ domain: String) -> String? {
        if domain.utf8.allSatisfy({ $0 < 0x80 }) { return domain }
        var output: UnsafeMutablePointer<CChar>?
        let flags = Int32(IDN2_NFC_INPUT.rawValue | IDN2_NONTRANSITIONAL.rawValue)
        let rc = idn2_to_ascii_8z(domain, &output, flags)
        guard rc == Int32(IDN2_OK.rawValue), let output else { return nil }
        defer { idn2_free(output) }
        return String(cString: output)
    }

    /// An address with its domain in ASCII; nil when the domain cannot be
    /// written so, or the part before the @ is not ASCII (a header cannot carry it).
    public static func asciiAddress(_ address: String) -> String? {
        let address = Sanitize.line(address)
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at]
        guard !local.isEmpty, local.utf8.allSatisfy({ $0 < 0x80 }),
              let domain = asciiDomain(String(address[address.index(after: at)...])) else { return nil }
        return local + "@" + domain
    }
}
