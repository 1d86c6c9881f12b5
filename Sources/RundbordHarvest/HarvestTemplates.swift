import Foundation
import Mustache
import RundbordCore

/// The Mustache templates of the harvest and the mail (Sources/RundbordTemplates/Templates/harvest/,
/// variables documented in docs/TEMPLATES-HARVEST.md). Loaded through
/// `TemplateLibrary`, so `--templates DIR` overrides the built-in ones.
///
/// Mustache's own escaping is HTML's, which is wrong for Markdown and plain
/// text: templates are rendered as TEXT, and every value is escaped in Swift
/// for its format before it reaches the template (`HarvestContext`).
public struct HarvestTemplates: Sendable {
    public let library: TemplateLibrary
    public let language: Language

    public init(library: TemplateLibrary = TemplateLibrary(), language: Language) {
        self.library = library; self.language = language
    }

    /// The path of a template relative to the templates folder.
    public func path(_ name: String, _ ext: String) -> String {
        "harvest/\(name).\(language.rawValue).\(ext).mustache"
    }

    /// Where a template is shown to the user in an error message.
    func shownPath(_ relative: String) -> String {
        library.directory.map { $0.appendingPathComponent(relative).path } ?? "Templates/\(relative)"
    }

    /// Renders template `name` for the format `ext` ("md", "txt") with `context`.
    /// Partials (`{{> initiative}}`) are the other templates of the same
    /// language and format, by name.
    public func render(_ name: String, _ ext: String, context: [String: Any]) throws(RundbordError) -> String {
        let loaded = try load(name, ext)
        return loaded.main.render(context, library: loaded.library)
    }

    /// The text of `render`, given to `emit` in pieces as it is rendered:
    /// where the template runs over a list made as it is rendered (a
    /// `ContextList` in `context`: the principles' sections, the tables'
    /// appendix), each element's text is given away before the next element
    /// is made (`TemplateCut`), so neither the list nor the text is ever whole.
    func render(_ name: String, _ ext: String, context: [String: Any],
                emit: (String) throws(RundbordError) -> Void) throws(RundbordError) {
        let loaded = try load(name, ext)
        guard let cut = TemplateCut(loaded.text), let pieces = try? Self.parse(cut.pieces) else {
            try emit(loaded.main.render(context, library: loaded.library))
            return
        }
        try Self.render(pieces, context, library: loaded.library, emit: emit)
    }

    /// A piece of a cut template, parsed; a section and a line also whole,
    /// for when their value is neither a `ContextList`, a true-or-false
    /// value nor `TemplateLines`.
    indirect enum ParsedPiece {
        case text(MustacheTemplate)
        case section(name: String, inverted: Bool, whole: MustacheTemplate, pieces: [ParsedPiece])
        case line(name: String, whole: MustacheTemplate)
    }

    static func parse(_ pieces: [TemplateCut.Piece]) throws -> [ParsedPiece] {
        try pieces.map { piece in
            switch piece {
            case .text(let text):
                .text(try MustacheTemplate(string: textPragma + text))
            case .section(let name, let inverted, let inner, let pieces):
                // The section as it stood: its tags alone on their lines around the inside.
                .section(name: name, inverted: inverted,
                         whole: try MustacheTemplate(string: textPragma + "{{\(inverted ? "^" : "#")\(name)}}\n\(inner){{/\(name)}}"),
                         pieces: try parse(pieces))
            case .line(let name):
                .line(name: name, whole: try MustacheTemplate(string: textPragma + "{{\(name)}}\n"))
            }
        }
    }

    /// The pieces rendered in `context` (the template's, or an element's over
    /// it: `StackedContext`), each piece's text given to `emit` as it is made.
    static func render(_ pieces: [ParsedPiece], _ context: Any, library: MustacheLibrary,
                       emit: (String) throws(RundbordError) -> Void) throws(RundbordError) {
        for piece in pieces {
            switch piece {
            case .text(let template):
                try emit(template.render(context, library: library))
            case .section(let name, let inverted, let whole, let pieces):
                let value = StackedContext.child(of: context, name)
                if !inverted, let list = value as? ContextList {
                    for element in list {
                        try render(pieces, StackedContext(top: element, below: context), library: library, emit: emit)
                    }
                } else if let flag = value as? Bool {
                    // As Mustache renders a section on a true-or-false value: in the same context.
                    if flag != inverted { try render(pieces, context, library: library, emit: emit) }
                } else {
                    try emit(whole.render(context, library: library))
                }
            case .line(let name, let whole):
                if let lines = StackedContext.child(of: context, name) as? TemplateLines {
                    var first = true
                    try lines.forEach { (line: String) throws(RundbordError) in
                        try emit(first ? line : "\n" + line)
                        first = false
                    }
                    try emit("\n")
                } else {
                    try emit(whole.render(context, library: library))
                }
            }
        }
    }

    /// The main template `name`, its text, and the library of its partials.
    func load(_ name: String, _ ext: String) throws(RundbordError) -> (main: MustacheTemplate, text: String, library: MustacheLibrary) {
        // Built-in templates, overridden file by file by those in --templates DIR,
        // so a folder holding only an edited mail template still has the rest.
        var files = try TemplateLibrary().files()
        if library.directory != nil {
            files.merge(try library.files()) { _, override in override }
        }
        let suffix = ".\(language.rawValue).\(ext).mustache"
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: (text: String, shown: String)] = [:]
        for (relative, data) in files where relative.hasPrefix("harvest/") && relative.hasSuffix(suffix) {
            let partialName = String(relative.dropFirst("harvest/".count).dropLast(suffix.count))
            templates[partialName] = try parse(data, relative)
            texts[partialName] = (String(decoding: data, as: UTF8.self), shownPath(relative))
        }
        guard let main = templates[name], let text = texts[name]?.text else {
            throw RundbordError(HarvestText.templateMissing, [path(name, ext), shownPath("harvest/")], exit: .noInput)
        }
        // A template that includes itself would recurse until the stack ran out.
        try TemplateIncludes.check(main: name, templates: texts)
        return (main, text, MustacheLibrary(templates: templates))
    }

    /// The first line of every template switches Mustache to plain text, so
    /// nothing is HTML-escaped a second time; line numbers in errors are the file's own.
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}\n"

    func parse(_ data: Data, _ relative: String) throws(RundbordError) -> MustacheTemplate {
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = TemplateLoader.firstInvalidUTF8(data)
            throw RundbordError(CoreText.templateInvalidUTF8, [shownPath(relative), line, column], exit: .dataError)
        }
        do {
            return try MustacheTemplate(string: Self.textPragma + text)
        } catch let error as MustacheTemplate.ParserError {
            var line = max(1, error.context.lineNumber - 1), column = error.context.columnNumber
            var shownLine = error.context.line
            // The parser notices an unclosed section at the end of the file; the mistake is where it was opened.
            if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let open = TemplateScan(text).unclosedSection {
                line = open.line; column = open.column
                shownLine = text.lineParts.dropFirst(open.line - 1).first.map(String.init) ?? ""
            }
            throw RundbordError(HarvestText.templateSyntax,
                                [shownPath(relative), line, column,
                                 Self.describe(error.error), Sanitize.line(shownLine)],
                                exit: .dataError)
        } catch {
            throw RundbordError(HarvestText.templateSyntax, [shownPath(relative), 1, 1, "\(error)", ""], exit: .dataError)
        }
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return HarvestText.mustacheCloseName.text(.current)
        case .unfinishedName: return HarvestText.mustacheUnfinished.text(.current)
        case .expectedSectionEnd: return HarvestText.mustacheNoSectionEnd.text(.current)
        default: return "\(error)"
        }
    }
}
