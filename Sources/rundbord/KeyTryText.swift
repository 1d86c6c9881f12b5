import RundbordCore

/// The words of `rundbord keys --try`, the screen that shows which key
/// rundbord understood, so a terminal that sends odd sequences is found out.
public enum KeyTryText: String, CatalogueKey {
    case help, title, last, none, pasted, resized

    public static let table: [KeyTryText: Translation] = [
        .help: .init("Prøv tasterne: vis hvilken tast rundbord forstår, når du trykker (Ctrl-C afslutter).",
                     "Try the keys: show which key rundbord understands as you press it (Ctrl-C quits)."),
        .title: .init("Tryk på en tast for at se, hvad rundbord forstår. Ctrl-C afslutter.",
                      "Press a key to see what rundbord understands. Ctrl-C quits."),
        .last: .init("Tast nr. {0}: {1}", "Key no. {0}: {1}"),
        .none: .init("(ingen endnu)", "(none yet)"),
        .pasted: .init("indsat tekst ({0} tegn)", "pasted text ({0} characters)"),
        .resized: .init("vinduet er nu {0}×{1}", "the window is now {0}×{1}"),
    ]
}
