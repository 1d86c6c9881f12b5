import Foundation
import Yams
import RundbordTemplates

/// Reads an event template (YAML, format 1, described in docs/TEMPLATES.md)
/// and checks every field, so that a mistake is reported with the file, line
/// and column, and what was expected, before anything is written.
public enum TemplateLoader {
    public static func load(data: Data, file: String) throws(RundbordError) -> Vision {
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = firstInvalidUTF8(data)
            throw RundbordError(CoreText.templateInvalidUTF8, [file, line, column], exit: .dataError)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw parseError(error, file: file)
        } catch {
            throw RundbordError(CoreText.templateParse, [file, 1, 1, "\(error)"], exit: .dataError)
        }
        guard let root else {
            throw RundbordError(CoreText.templateMissingKey, [file, 1, 1, "format", "1"], exit: .dataError)
        }
        return try TemplateReader(file: file).vision(root)
    }

    static func parseError(_ error: YamlError, file: String) -> RundbordError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = TemplateText.yamlProblem(problem, context: context?.text)
            return RundbordError(CoreText.templateParse, [file, mark.line, mark.column, what], exit: .dataError)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return RundbordError(CoreText.templateDuplicateKey,
                                 [file, context.mark.line, context.mark.column, duplicates.joined(separator: "', '")],
                                 exit: .dataError)
        case .reader(let problem, _, _, _):
            return RundbordError(CoreText.templateParse, [file, 1, 1, TemplateText.yamlProblem(problem, context: nil)], exit: .dataError)
        default:
            return RundbordError(CoreText.templateParse, [file, 1, 1, "\(error)"], exit: .dataError)
        }
    }

    /// Line and column (1-based) of the first byte that breaks UTF-8.
    public static func firstInvalidUTF8(_ data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var line = 1, lineStart = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let valid = length > 0 && i + length <= bytes.count
                && String(bytes: bytes[i..<(i + length)], encoding: .utf8) != nil
            if !valid {
                let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
                return (line, column)
            }
            if b == 0x0A { line += 1; lineStart = i + 1 }
            i += length
        }
        return (line, 1)
    }
}

/// Walks the composed YAML tree, reporting the first mistake with its position.
private struct TemplateReader {
    let file: String

    func fail(_ key: CoreText, _ node: Node?, _ args: [CustomStringConvertible]) -> RundbordError {
        let line = node?.mark?.line ?? 1
        let column = node?.mark?.column ?? 1
        return RundbordError(key, [file, line, column] + args, exit: .dataError)
    }

    /// The mapping at `node`, its values by key, with unknown and repeated keys refused.
    func mapping(_ node: Node, _ name: CustomStringConvertible, allowed: [String]) throws(RundbordError) -> [String: (key: Node, value: Node)] {
        guard let map = node.mapping else {
            throw fail(.templateWrongType, node, [name, Localized(TemplateText.expectMapping)])
        }
        var out: [String: (key: Node, value: Node)] = [:]
        for (k, v) in map {
            guard let key = k.string else { throw fail(.templateWrongType, k, [name, Localized(TemplateText.expectTextKeys)]) }
            guard allowed.contains(key) else {
                throw fail(.templateUnknownKey, k, [key, allowed.joined(separator: ", ")])
            }
            guard out[key] == nil else { throw fail(.templateDuplicateKey, k, [key]) }
            out[key] = (k, v)
        }
        return out
    }

    func required(_ map: [String: (key: Node, value: Node)], _ key: String, in node: Node, expected: CustomStringConvertible) throws(RundbordError) -> Node {
        guard let entry = map[key] else { throw fail(.templateMissingKey, node, [key, expected]) }
        return entry.value
    }

    func text(_ node: Node, _ name: String, allowEmpty: Bool = false) throws(RundbordError) -> String {
        guard let scalar = node.scalar else { throw fail(.templateWrongType, node, [name, Localized(TemplateText.expectText)]) }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if !allowEmpty && value.isEmpty { throw fail(.templateEmptyValue, node, [name]) }
        return value
    }

    func optionalText(_ map: [String: (key: Node, value: Node)], _ key: String) throws(RundbordError) -> String {
        guard let node = map[key]?.value else { return "" }
        return try text(node, key, allowEmpty: true)
    }

    func texts(_ node: Node, _ name: String) throws(RundbordError) -> [String] {
        guard let seq = node.sequence else { throw fail(.templateWrongType, node, [name, Localized(TemplateText.expectList)]) }
        var out: [String] = []
        for item in seq { out.append(try text(item, name)) }
        return out
    }

    func vision(_ root: Node) throws(RundbordError) -> Vision {
        let keys = ["format", "id", "language", "title", "subtitle", "issuer", "attachment",
                    "organisations", "principles", "note_kinds", "funding", "agreement"]
        let map = try mapping(root, Localized(TemplateText.whatTemplate), allowed: keys)
        let formatNode = try required(map, "format", in: root, expected: "1")
        guard formatNode.int == 1 else {
            throw fail(.templateFormat, formatNode, [formatNode.string ?? "?"])
        }
        let idNode = try required(map, "id", in: root, expected: Localized(TemplateText.expectShortName))
        let id = try text(idNode, "id")
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw fail(.templateBadValue, idNode, ["id", id, Localized(TemplateText.expectIdChars)])
        }
        let languageNode = try required(map, "language", in: root, expected: Localized(TemplateText.expectLanguage))
        let language = try text(languageNode, "language")
        guard Language(rawValue: language) != nil else {
            throw fail(.templateBadValue, languageNode, ["language", language, Localized(TemplateText.expectLanguage)])
        }
        let title = try text(try required(map, "title", in: root, expected: Localized(TemplateText.expectVisionTitle)), "title")
        let organisations = try map["organisations"].map { entry throws(RundbordError) in try texts(entry.value, "organisations") } ?? []
        let principlesNode = try required(map, "principles", in: root, expected: Localized(TemplateText.expectPrinciples))
        guard let principleSeq = principlesNode.sequence else {
            throw fail(.templateWrongType, principlesNode, ["principles", Localized(TemplateText.expectList)])
        }
        guard principleSeq.count > 0 else { throw fail(.templateEmptyValue, principlesNode, ["principles"]) }
        var principles: [Principle] = []
        var seenIds: [String: Int] = [:]
        for node in principleSeq {
            let p = try principle(node)
            if let line = seenIds[p.id] {
                let idNode = node.mapping?.first { $0.key.string == "id" }?.value ?? node
                throw fail(.templateDuplicateId, idNode, [p.id, line])
            }
            seenIds[p.id] = node.mapping?.first { $0.key.string == "id" }?.value.mark?.line ?? 0
            principles.append(p)
        }
        let kindsNode = try required(map, "note_kinds", in: root, expected: Localized(TemplateText.expectNoteKinds))
        let noteKinds = try self.noteKinds(kindsNode)
        let fundingNode = try required(map, "funding", in: root, expected: Localized(TemplateText.expectFunding))
        let funding: [FundingClass: String] = try labels(fundingNode, "funding")
        let agreementNode = try required(map, "agreement", in: root, expected: Localized(TemplateText.expectAgreement))
        let agreement: [AgreementLevel: String] = try labels(agreementNode, "agreement")
        return Vision(templateId: id, language: language, title: title,
                      subtitle: try optionalText(map, "subtitle"), issuer: try optionalText(map, "issuer"),
                      attachment: try optionalText(map, "attachment"), organisations: organisations,
                      principles: principles, noteKinds: noteKinds, fundingLabels: funding,
                      agreementLabels: agreement)
    }

    func principle(_ node: Node) throws(RundbordError) -> Principle {
        let map = try mapping(node, Localized(TemplateText.whatPrinciple), allowed: ["id", "title", "summary", "questions", "minutes"])
        let idNode = try required(map, "id", in: node, expected: Localized(TemplateText.expectUniqueId))
        let id = try text(idNode, "id")
        let title = try text(try required(map, "title", in: node, expected: Localized(TemplateText.expectPrincipleTitle)), "title")
        let summary = try optionalText(map, "summary")
        let questions = try map["questions"].map { entry throws(RundbordError) in try texts(entry.value, "questions") } ?? []
        var minutes = 15
        if let m = map["minutes"]?.value {
            guard let value = m.int else { throw fail(.templateWrongType, m, ["minutes", Localized(TemplateText.expectWholeMinutes)]) }
            guard (1...240).contains(value) else {
                throw fail(.templateBadValue, m, ["minutes", value, Localized(TemplateText.expectMinutesRange)])
            }
            minutes = value
        }
        return Principle(id: id, title: title, summary: summary, questions: questions, minutes: minutes)
    }

    func noteKinds(_ node: Node) throws(RundbordError) -> [NoteKindSpec] {
        guard let seq = node.sequence else { throw fail(.templateWrongType, node, ["note_kinds", Localized(TemplateText.expectList)]) }
        var out: [NoteKindSpec] = []
        for item in seq {
            let map = try mapping(item, Localized(TemplateText.whatNoteKind), allowed: ["id", "label", "prefix"])
            let idNode = try required(map, "id", in: item, expected: NoteKind.allCases.map(\.rawValue).joined(separator: ", "))
            let id = try text(idNode, "id")
            guard let kind = NoteKind(rawValue: id) else {
                throw fail(.templateBadValue, idNode, ["id", id, NoteKind.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            if out.contains(where: { $0.kind == kind }) { throw fail(.templateDuplicateId, idNode, [id, "-"]) }
            let label = try text(try required(map, "label", in: item, expected: Localized(TemplateText.expectKindLabel)), "label")
            let prefix = try optionalText(map, "prefix")
            if !prefix.isEmpty, let other = out.first(where: { $0.prefix == prefix }) {
                throw fail(.templateBadValue, map["prefix"]!.value, ["prefix", prefix, Localized(TemplateText.expectPrefixFree, [other.kind.rawValue])])
            }
            out.append(NoteKindSpec(kind: kind, label: label, prefix: prefix))
        }
        if !out.contains(where: { $0.kind == .point }) {
            throw fail(.templateMissingKey, node, ["point", Localized(TemplateText.expectPointKind)])
        }
        if !out.contains(where: { $0.kind == .initiative }) {
            throw fail(.templateMissingKey, node, ["initiative", Localized(TemplateText.expectInitiativeKind)])
        }
        return out
    }

    func labels<E: RawRepresentable & CaseIterable & Hashable>(_ node: Node, _ name: String) throws(RundbordError) -> [E: String] where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        let map = try mapping(node, name, allowed: names)
        var out: [E: String] = [:]
        for level in E.allCases {
            let value = try required(map, level.rawValue, in: node, expected: Localized(TemplateText.expectLabel))
            out[level] = try text(value, level.rawValue)
        }
        return out
    }
}

/// Finds templates by name: in `--templates DIR` when given, else those
/// compiled into the binary (the files of Sources/RundbordTemplates/Templates/).
public struct TemplateLibrary: Sendable {
    public let directory: URL?

    public init(directory: URL? = nil) { self.directory = directory }

    public static let defaultName = "faelles-vaerdier"

    /// Template file names (relative to the templates folder) and their bytes.
    public func files() throws(RundbordError) -> [String: Data] {
        guard let directory else {
            return EmbeddedTemplates.files.mapValues { Data($0) }
        }
        // A folder that is missing, or a file, is an error: using the
        // built-in templates instead would silently ignore what was asked for.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder) else {
            throw RundbordError(ReliabilityText.templatesMissing, [directory.path], exit: .noInput)
        }
        guard isFolder.boolValue else {
            throw RundbordError(ReliabilityText.templatesNotFolder, [directory.path], exit: .noInput)
        }
        var out: [String: Data] = [:]
        let base = directory.standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            throw RundbordError(CoreText.storeNotFound, [directory.path], exit: .noInput)
        }
        for case let url as URL in walker where url.pathExtension == "yaml" || url.pathExtension == "mustache" {
            let relative = url.standardizedFileURL.path.replacingOccurrences(of: base.path + "/", with: "")
            do { out[relative] = try Data(contentsOf: url) } catch {
                throw RundbordError(CoreText.templateUnreadable, [url.path, Localized.reason(error)], exit: .noInput)
            }
        }
        return out
    }

    /// Vision templates by id (the file name without `.yaml`).
    public func visionNames() throws(RundbordError) -> [String] {
        try files().keys.filter { $0.hasPrefix("visions/") && $0.hasSuffix(".yaml") }
            .map { String($0.dropFirst("visions/".count).dropLast(".yaml".count)) }.sorted()
    }

    /// Loads a vision by name, or from a path when `nameOrPath` names a file.
    public func vision(_ nameOrPath: String) throws(RundbordError) -> Vision {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return try Self.visionFile(nameOrPath)
        }
        let key = "visions/\(nameOrPath).yaml"
        guard let data = try files()[key] else {
            throw RundbordError(CoreText.templateNotFound, [nameOrPath, try visionNames().joined(separator: ", ")], exit: .noInput)
        }
        let shown = directory.map { $0.appendingPathComponent(key).path } ?? "Templates/\(key)"
        return try TemplateLoader.load(data: data, file: shown)
    }

    public static func visionFile(_ path: String) throws(RundbordError) -> Vision {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            if !FileManager.default.fileExists(atPath: path) {
                throw RundbordError(CoreText.storeNotFound, [path], exit: .noInput)
            }
            throw RundbordError(CoreText.templateUnreadable, [path, Localized.reason(error)], exit: .noInput)
        }
        return try TemplateLoader.load(data: data, file: path)
    }

    /// The raw text of a template file (e.g. a harvest Mustache template).
    public func text(_ relativePath: String) throws(RundbordError) -> String? {
        guard let data = try files()[relativePath] else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
