import RundbordCore

/// Styles shared by the screens. Each colour comes with an attribute, so a
/// monochrome terminal still tells them apart.
enum Theme {
    /// Bars are white on blue in colour and reverse video in monochrome (the
    /// backend drops `reverse` where a background colour already marks the cell).
    static let header = Style(fg: .white, bg: .blue, bold: true, reverse: true)
    static let title = Style(bold: true)
    static let dim = Style(dim: true)
    static let selected = Style(reverse: true)
    static let error = Style(fg: .red, bold: true)
    static let ok = Style(fg: .green, bold: true)
    static let warning = Style(fg: .yellow, bold: true)
    /// Two minutes left, and overrun: colour and underline, so monochrome shows them too.
    static let timerWarning = Style(fg: .yellow, bg: .black, bold: true, underline: true)
    static let timerOverrun = Style(fg: .white, bg: .red, bold: true, underline: true)
    /// The header's flash when the time runs out: dark on light where the
    /// bar is light on blue, and normal video where monochrome bars are reversed.
    static let flash = Style(fg: .black, bg: .white, bold: true)
    /// The projector's clock band in the same moment: reversed in colour and monochrome alike.
    static let flashBand = Style(fg: .black, bg: .white, bold: true, reverse: true)
    static let barKey = Style(bold: true)
    static let barLabel = Style(fg: .black, bg: .cyan, reverse: true)
    static let kind = Style(fg: .cyan, bold: true)
    static let initiative = Style(fg: .magenta, bold: true)
    /// The read-only banner: colour and reverse, so monochrome shows it too.
    static let readOnly = Style(fg: .black, bg: .yellow, bold: true, reverse: true)
}
