import Foundation
import RundbordCore

/// A light reading of a Mustache template's tags, with the line and column
/// of each: enough to say where an unclosed section was opened (the parser
/// only notices at the end of the file) and which templates include which
/// (a template that includes itself would recurse until the stack runs out).
struct TemplateScan {
    struct Tag {
        /// What stands between the delimiters, without them.
        var content: String
        var line: Int
        var column: Int
    }

    var tags: [Tag] = []

    init(_ text: String) {
        var open = Array("{{".unicodeScalars), close = Array("}}".unicodeScalars)
        let scalars = Array(text.unicodeScalars)
        var i = 0, line = 1, lineStart = 0
        func matches(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
            guard index + pattern.count <= scalars.count else { return false }
            for (k, s) in pattern.enumerated() where scalars[index + k] != s { return false }
            return true
        }
        while i < scalars.count {
            if scalars[i] == "\n" { line += 1; lineStart = i + 1; i += 1; continue }
            guard matches(open, at: i) else { i += 1; continue }
            let tagLine = line, tagColumn = i - lineStart + 1
            var j = i + open.count
            // {{{name}}}: the third brace belongs to the tag.
            let triple = open == Array("{{".unicodeScalars) && j < scalars.count && scalars[j] == "{"
            let closing = triple ? close + ["}"] : close
            var end = j
            while end < scalars.count, !matches(closing, at: end) {
                if scalars[end] == "\n" { line += 1; lineStart = end + 1 }
                end += 1
            }
            var content = String(String.UnicodeScalarView(scalars[j..<min(end, scalars.count)]))
            if triple { content += "}" }
            tags.append(Tag(content: content, line: tagLine, column: tagColumn))
            j = min(scalars.count, end + closing.count)
            // {{=<% %>=}} sets new delimiters for the rest of the file.
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("="), trimmed.hasSuffix("="), trimmed.count > 2 {
                let parts = trimmed.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 { open = Array(parts[0].unicodeScalars); close = Array(parts[1].unicodeScalars) }
            }
            i = j
        }
    }

    /// A tag's sigil and name: `{{# x }}` → ("#", "x").
    static func split(_ content: String) -> (sigil: Character?, name: String) {
        let trimmed = content.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, "#^/>$<=!&{%".contains(first) else { return (nil, trimmed) }
        return (first, trimmed.dropFirst().trimmingCharacters(in: .whitespaces))
    }

    /// The innermost section still open at the end of the file: where an
    /// "expected section end" error really is.
    var unclosedSection: Tag? {
        var stack: [(String, Tag)] = []
        for tag in tags {
            let (sigil, name) = Self.split(tag.content)
            switch sigil {
            case "#", "^", "$", "<": stack.append((name, tag))
            case "/":
                if let index = stack.lastIndex(where: { $0.0 == name }) { stack.removeSubrange(index...) }
            default: break
            }
        }
        return stack.last?.1
    }

    /// The partials included (`{{> name}}`, `{{< name}}`); a dynamic one
    /// (`{{>*name}}`) is named "*", since any template could be meant.
    var partials: [(name: String, tag: Tag)] {
        tags.compactMap { tag in
            let (sigil, name) = Self.split(tag.content)
            guard sigil == ">" || sigil == "<" else { return nil }
            return (name.hasPrefix("*") ? "*" : name, tag)
        }
    }
}

/// Checks that rendering `main` ends: no template includes itself, directly
/// or through others, and includes nest at most `maxDepth` deep. Mustache
/// would recurse until the stack overflowed (a segmentation fault).
enum TemplateIncludes {
    static let maxDepth = 16

    /// `templates`: partial name → (its text, where to show it).
    static func check(main: String, templates: [String: (text: String, shown: String)]) throws(RundbordError) {
        let scans = templates.mapValues { TemplateScan($0.text).partials }
        var path: [String] = []
        func visit(_ name: String) throws(RundbordError) {
            path.append(name)
            defer { path.removeLast() }
            for (target, tag) in scans[name] ?? [] {
                let targets = target == "*" ? templates.keys.sorted() : [target]
                for next in targets where templates[next] != nil {
                    let shown = templates[name]!.shown
                    let chain = (path + [next]).joined(separator: " → ")
                    if path.contains(next) {
                        throw RundbordError(ReliabilityText.templateRecursion,
                                            [shown, tag.line, "{{" + Sanitize.line(tag.content) + "}}: " + chain],
                                            exit: .dataError)
                    }
                    if path.count >= maxDepth {
                        throw RundbordError(ReliabilityText.templateTooDeep, [shown, tag.line, maxDepth, chain], exit: .dataError)
                    }
                    try visit(next)
                }
            }
        }
        try visit(main)
    }
}
