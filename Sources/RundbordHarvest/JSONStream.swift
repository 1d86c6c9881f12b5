import Foundation
import RundbordCore

/// JSON written as `JSONBytesEncoder` writes it (pretty-printed, members in
/// key order), given to `emit` in pieces of about 64 KiB as it is written.
/// The encoder sorts an object's members by moving their finished bytes,
/// so an object is held whole until it ends; here the objects that hold
/// the notes or many initiatives (the document, a principle's section, a
/// table's appendix and their groups, a funding or an owner's section) are
/// written member by member in key order, and their long arrays element by
/// element, so no piece of the file is held whole.
final class JSONStream {
    let sink = JSONSink()
    let emit: ([UInt8]) throws(RundbordError) -> Void

    init(_ emit: @escaping ([UInt8]) throws(RundbordError) -> Void) { self.emit = emit }

    func flush(atLeast size: Int = 1 << 16) throws(RundbordError) {
        guard sink.bytes.count >= size, !sink.bytes.isEmpty else { return }
        try emit(sink.bytes)
        sink.bytes.removeAll(keepingCapacity: true)
    }

    /// A value written whole by the encoder.
    func value<T: Encodable>(_ value: T, depth: Int) throws(RundbordError) {
        do { try sink.write(value, depth: depth) } catch {
            throw RundbordError(HarvestText.writeFailed, ["JSON", "\(error)"], exit: .software)
        }
    }

    /// An array at `depth` whose elements `forEach` writes, each through the
    /// function it is given (at `depth + 1`), the bytes given away between elements.
    func array(depth: Int, _ forEach: ((() throws(RundbordError) -> Void) throws(RundbordError) -> Void) throws(RundbordError) -> Void) throws(RundbordError) {
        sink.bytes.append(UInt8(ascii: "["))
        var count = 0
        try forEach { (write: () throws(RundbordError) -> Void) throws(RundbordError) in
            if count > 0 { sink.bytes.append(UInt8(ascii: ",")) }
            count += 1
            sink.newlineAndIndent(depth + 1)
            try write()
            try flush()
        }
        sink.bytes.append(UInt8(ascii: "\n"))
        if count == 0 { sink.bytes.append(UInt8(ascii: "\n")) }
        sink.indent(depth)
        sink.bytes.append(UInt8(ascii: "]"))
    }

    /// An array of values each written whole.
    func array<E: Encodable>(_ items: [E], depth: Int) throws(RundbordError) {
        try array(depth: depth) { (element: (() throws(RundbordError) -> Void) throws(RundbordError) -> Void) throws(RundbordError) in
            for item in items { try element { () throws(RundbordError) in try value(item, depth: depth + 1) } }
        }
    }

    /// An object at `depth` with a member for each key of `Key` that is
    /// `present`, in key order; `member` writes a key's value at `depth + 1`.
    func object<Key: CodingKey & CaseIterable>(_ keys: Key.Type, depth: Int, present: (Key) -> Bool = { _ in true },
                                               _ member: (Key) throws(RundbordError) -> Void) throws(RundbordError) {
        sink.bytes.append(UInt8(ascii: "{"))
        var count = 0
        for key in Key.allCases.sorted(by: { $0.stringValue.utf8.lexicographicallyPrecedes($1.stringValue.utf8) }) where present(key) {
            if count > 0 { sink.bytes.append(UInt8(ascii: ",")) }
            count += 1
            sink.newlineAndIndent(depth + 1)
            sink.string(key.stringValue)
            sink.ascii(" : ")
            try member(key)
        }
        sink.bytes.append(UInt8(ascii: "\n"))
        if count == 0 { sink.bytes.append(UInt8(ascii: "\n")) }
        sink.indent(depth)
        sink.bytes.append(UInt8(ascii: "}"))
    }
}

extension JSONStream {
    typealias Doc = HarvestDocument

    func kinds(_ groups: [Doc.KindGroup], depth: Int) throws(RundbordError) {
        try array(depth: depth) { (element: (() throws(RundbordError) -> Void) throws(RundbordError) -> Void) throws(RundbordError) in
            for group in groups {
                try element { () throws(RundbordError) in
                    // Exhaustive: a field added to the group must be written here too.
                    try object(Doc.KindGroup.CodingKeys.self, depth: depth + 1) { (key) throws(RundbordError) in
                        switch key {
                        case .kind: try value(group.kind, depth: depth + 2)
                        case .label: try value(group.label, depth: depth + 2)
                        case .notes: try array(group.notes, depth: depth + 2)
                        }
                    }
                }
            }
        }
    }

    /// A funding section: its initiatives (a third of the event's, some 13 MB of JSON at 200,000 notes) one by one.
    func funding(_ f: Doc.FundingSection, depth: Int) throws(RundbordError) {
        try object(Doc.FundingSection.CodingKeys.self, depth: depth) { (key) throws(RundbordError) in
            switch key {
            case .funding: try value(f.funding, depth: depth + 1)
            case .label: try value(f.label, depth: depth + 1)
            case .initiatives: try array(f.initiatives, depth: depth + 1)
            }
        }
    }

    func owner(_ o: Doc.OwnerSection, depth: Int) throws(RundbordError) {
        try object(Doc.OwnerSection.CodingKeys.self, depth: depth) { (key) throws(RundbordError) in
            switch key {
            case .owner: try value(o.owner, depth: depth + 1)
            case .initiatives: try array(o.initiatives, depth: depth + 1)
            }
        }
    }

    func principle(_ p: Doc.PrincipleSection, depth: Int) throws(RundbordError) {
        try object(Doc.PrincipleSection.CodingKeys.self, depth: depth) { (key) throws(RundbordError) in
            let d = depth + 1
            switch key {
            case .number: try value(p.number, depth: d)
            case .id: try value(p.id, depth: d)
            case .title: try value(p.title, depth: d)
            case .summary: try value(p.summary, depth: d)
            case .questions: try value(p.questions, depth: d)
            case .keyMessages: try value(p.keyMessages, depth: d)
            case .kinds: try kinds(p.kinds, depth: d)
            case .initiatives: try array(p.initiatives, depth: d)
            case .agreement: try value(p.agreement, depth: d)
            }
        }
    }

    func table(_ t: Doc.TableAppendix, depth: Int) throws(RundbordError) {
        // Host and note-taker are left out when there are none, as the encoder leaves out nil.
        try object(Doc.TableAppendix.CodingKeys.self, depth: depth,
                   present: { $0 == .host ? t.host != nil : $0 == .noteTaker ? t.noteTaker != nil : true }) { (key) throws(RundbordError) in
            let d = depth + 1
            switch key {
            case .number: try value(t.number, depth: d)
            case .name: try value(t.name, depth: d)
            case .host: try value(t.host ?? "", depth: d)
            case .noteTaker: try value(t.noteTaker ?? "", depth: d)
            case .noteCount: try value(t.noteCount, depth: d)
            case .principles:
                try array(depth: d) { (element: (() throws(RundbordError) -> Void) throws(RundbordError) -> Void) throws(RundbordError) in
                    for p in t.principles {
                        try element { () throws(RundbordError) in try tablePrinciple(p, depth: d + 1) }
                    }
                }
            }
        }
    }

    func tablePrinciple(_ p: Doc.TablePrinciple, depth: Int) throws(RundbordError) {
        try object(Doc.TablePrinciple.CodingKeys.self, depth: depth) { (key) throws(RundbordError) in
            let d = depth + 1
            switch key {
            case .number: try value(p.number, depth: d)
            case .id: try value(p.id, depth: d)
            case .title: try value(p.title, depth: d)
            case .kinds: try kinds(p.kinds, depth: d)
            case .initiatives: try array(p.initiatives, depth: d)
            case .agreement: try value(p.agreement, depth: d)
            }
        }
    }
}
