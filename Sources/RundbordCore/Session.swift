import Foundation

/// What the engine needs from the world: the time and fresh ids. Injected so
/// that every rule is tested with a fixed clock and predictable ids.
public struct SessionEnvironment: Sendable {
    public var now: @Sendable () -> Date
    public var newId: @Sendable () -> UUID
    public init(now: @escaping @Sendable () -> Date, newId: @escaping @Sendable () -> UUID) {
        self.now = now; self.newId = newId
    }
    public static let live = SessionEnvironment(now: { Date() }, newId: { UUID() })
}

/// One reversible change to a note: what it was (nil when it was created) and what it became.
public struct NoteChange: Equatable, Sendable {
    public var before: Note?
    public var after: Note
}

/// One step Ctrl-Z can take back: a note's change, or a reset of a
/// principle's clock (so Ctrl-R then Ctrl-Z gives the clock back rather
/// than undoing a note out of sight).
public enum SessionChange: Equatable, Sendable {
    case note(NoteChange)
    case timer(principleIndex: Int, before: TimerState, after: TimerState)
}

/// The state of one table's session: the rules live in `reduce`.
public struct TableSession: Equatable, Sendable {
    public let vision: Vision
    public var table: RoundTable
    /// The current principle's notes, oldest first, deleted ones included
    /// (screens hide them; restore needs them). Filled by `.loaded`.
    public var notes: [Note]
    /// The current principle's show of hands.
    public var agreement: AgreementTally
    public var undoStack: [SessionChange] = []
    public var redoStack: [SessionChange] = []
    /// The phase and clock each principle was left with, by principle index,
    /// so that going back finds them as they were (a running clock is paused
    /// when its principle is left). Kept while the session is open.
    public var leftProgress: [Int: TableProgress] = [:]

    public init(vision: Vision, table: RoundTable, notes: [Note] = [], agreement: AgreementTally = .init()) {
        self.vision = vision; self.table = table; self.notes = notes; self.agreement = agreement
    }

    public var principleIds: [String] { table.principleIds }
    public var principleIndex: Int { table.progress.principleIndex }
    public var principle: Principle? { table.currentPrincipleId.flatMap(vision.principle(id:)) }
    public var phase: Phase { table.progress.phase }
    public var timer: TimerState { table.progress.timer }
    public var visibleNotes: [Note] { notes.filter { !$0.isDeleted } }
    /// How many notes are not deleted, without copying them (drawn on every frame).
    public var visibleCount: Int { notes.reduce(0) { $1.isDeleted ? $0 : $0 + 1 } }
    public var initiatives: [Note] { visibleNotes.filter(\.isInitiative) }
    public func note(_ id: UUID) -> Note? { notes.first { $0.id == id } }
}

public enum SessionAction: Equatable, Sendable {
    case startTimer, pauseTimer, toggleTimer, resetTimer
    case nextPrinciple, previousPrinciple, goToPrinciple(Int)
    case nextPhase, previousPhase, setPhase(Phase)
    /// Adds a note; with `kind` nil a leading prefix in `text` ("!", "?") picks the kind.
    /// `principleId` files it under another of the table's principles than
    /// the current one (a draft started there before another terminal moved the table).
    case addNote(text: String, kind: NoteKind?, speakerId: UUID?, speakerOrganisation: String?, principleId: String? = nil)
    case editNote(UUID, text: String)
    case retag(UUID, NoteKind)
    /// Moves a note to the next kind in the template's order.
    case cycleKind(UUID)
    case deleteNote(UUID)
    case restoreNote(UUID)
    case attribute(UUID, speakerId: UUID?, organisation: String?)
    case setFunding(UUID, FundingClass?)
    case setOwner(UUID, String?)
    case setHorizon(UUID, String?)
    case setDots(UUID, Int)
    /// Files a note under another principle and/or at another table (misfiled); undoable like any edit.
    case moveNote(UUID, principleId: String, tableId: UUID)
    case adjustDots(UUID, Int)
    case setAgreement(AgreementTally)
    case undo, redo
    /// The store delivers the current principle's notes and tally.
    case loaded(notes: [Note], agreement: AgreementTally)
}

/// What must be persisted or fetched after an action. The caller runs them in order.
public enum SessionEffect: Equatable, Sendable {
    case saveNote(Note)
    case saveProgress(RoundTable)
    case saveAgreement(tableId: UUID, principleId: String, AgreementTally)
    case loadPrinciple(tableId: UUID, principleId: String)
}

/// Why an action was refused; the state is unchanged.
public struct SessionRejection: Error, Equatable, Sendable {
    public let reason: CoreText
    public init(_ reason: CoreText) { self.reason = reason }
}

extension TableSession {
    /// Applies `action`; returns the effects to persist. A refused action
    /// throws and leaves the state as it was.
    @discardableResult
    public mutating func reduce(_ action: SessionAction, _ env: SessionEnvironment) throws(SessionRejection) -> [SessionEffect] {
        let now = env.now()
        switch action {
        case .startTimer:
            guard !timer.isRunning else { return [] }
            table.progress.timer.runningSince = now
            return progressChanged(now)
        case .pauseTimer:
            guard let since = timer.runningSince else { return [] }
            table.progress.timer.elapsedBeforeStart += max(0, now.timeIntervalSince(since))
            table.progress.timer.runningSince = nil
            return progressChanged(now)
        case .toggleTimer:
            return try reduce(timer.isRunning ? .pauseTimer : .startTimer, env)
        case .resetTimer:
            let before = timer
            table.progress.timer = TimerState(durationSeconds: (principle?.minutes ?? 15) * 60)
            if before != timer {
                undoStack.append(.timer(principleIndex: principleIndex, before: before, after: timer))
                redoStack.removeAll()
            }
            return progressChanged(now)

        case .nextPrinciple:
            return try moveTo(principleIndex + 1, now)
        case .previousPrinciple:
            return try moveTo(principleIndex - 1, now)
        case .goToPrinciple(let index):
            return try moveTo(index, now)
        // The phases end at the principle's edges: moving to another principle
        // is its own step (Ctrl-N/Ctrl-P), never a side effect of Tab.
        case .nextPhase:
            guard let next = phase.next else { throw SessionRejection(.ruleLastPhase) }
            table.progress.phase = next
            return progressChanged(now)
        case .previousPhase:
            guard let previous = phase.previous else { throw SessionRejection(.ruleFirstPhase) }
            table.progress.phase = previous
            return progressChanged(now)
        case .setPhase(let p):
            table.progress.phase = p
            return progressChanged(now)

        case let .addNote(text, kind, speakerId, organisation, under):
            guard let principleId = under ?? table.currentPrincipleId, principleIds.contains(principleId) else {
                throw SessionRejection(.ruleNoPrinciple)
            }
            var body = text
            var chosen = kind ?? .point
            if kind == nil, let (prefixed, rest) = vision.kindFromPrefix(text) {
                chosen = prefixed; body = rest
            }
            body = Self.trimmed(body)
            guard !body.isEmpty else { throw SessionRejection(.ruleEmptyText) }
            let note = Note(id: env.newId(), tableId: table.id, principleId: principleId, kind: chosen,
                            text: body, speakerId: speakerId,
                            speakerOrganisation: Self.oneLine(organisation),
                            createdAt: now, funding: chosen == .initiative ? .unclear : nil)
            return record(NoteChange(before: nil, after: note))
        case let .editNote(id, text):
            let body = Self.trimmed(text)
            guard !body.isEmpty else { throw SessionRejection(.ruleEmptyText) }
            return try change(id, now) { $0.text = body }
        case let .retag(id, kind):
            return try change(id, now) { note in
                note.kind = kind
                if kind == .initiative && note.funding == nil { note.funding = .unclear }
            }
        case .cycleKind(let id):
            let order = vision.noteKinds.map(\.kind)
            guard let current = note(id)?.kind else { throw SessionRejection(.ruleNoSuchNote) }
            let i = order.firstIndex(of: current) ?? -1
            return try reduce(.retag(id, order[(i + 1) % order.count]), env)
        case .deleteNote(let id):
            return try change(id, now) { $0.deletedAt = now }
        case .restoreNote(let id):
            guard let existing = note(id), existing.isDeleted else { throw SessionRejection(.ruleNoSuchNote) }
            var after = existing
            after.deletedAt = nil
            after.editedAt = now
            return record(NoteChange(before: existing, after: after))
        case let .attribute(id, speakerId, organisation):
            return try change(id, now) { note in
                note.speakerId = speakerId
                note.speakerOrganisation = Self.oneLine(organisation)
            }
        case let .setFunding(id, funding):
            return try changeInitiative(id, now) { $0.funding = funding }
        case let .setOwner(id, owner):
            return try changeInitiative(id, now) { $0.owner = Self.oneLine(owner) }
        case let .setHorizon(id, horizon):
            return try changeInitiative(id, now) { $0.horizon = Self.oneLine(horizon) }
        case let .moveNote(id, principleId, tableId):
            guard vision.principle(id: principleId) != nil else { throw SessionRejection(.ruleNoPrinciple) }
            return try change(id, now) { note in
                note.principleId = principleId
                note.tableId = tableId
            }
        case let .setDots(id, dots):
            guard dots >= 0 else { throw SessionRejection(.ruleNegative) }
            return try changeInitiative(id, now) { $0.dots = dots }
        case let .adjustDots(id, delta):
            guard let current = note(id) else { throw SessionRejection(.ruleNoSuchNote) }
            return try reduce(.setDots(id, max(0, current.dots + delta)), env)
        case .setAgreement(let tally):
            guard let principleId = table.currentPrincipleId else { throw SessionRejection(.ruleNoPrinciple) }
            guard AgreementLevel.allCases.allSatisfy({ tally[$0] >= 0 }) else { throw SessionRejection(.ruleNegative) }
            agreement = tally
            return [.saveAgreement(tableId: table.id, principleId: principleId, tally)]

        case .undo:
            guard let last = undoStack.popLast() else { throw SessionRejection(.ruleNothingToUndo) }
            redoStack.append(last)
            return try put(last, forward: false, now)
        case .redo:
            guard let next = redoStack.popLast() else { throw SessionRejection(.ruleNothingToRedo) }
            undoStack.append(next)
            return try put(next, forward: true, now)

        case let .loaded(loadedNotes, tally):
            notes = loadedNotes
            agreement = tally
            return []
        }
    }

    /// Note text as stored: control characters dropped (CRLF and CR become
    /// LF; tabs stay), outer white space trimmed. Every way into the file
    /// (screen, paste, command line, import) passes here.
    static func trimmed(_ s: String) -> String {
        Sanitize.multiline(s).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A one-line field (owner, horizon, organisation).
    static func oneLine(_ s: String?) -> String? {
        s.map(Sanitize.line).flatMap { $0.isEmpty ? nil : $0 }
    }

    private mutating func progressChanged(_ now: Date) -> [SessionEffect] {
        table.updatedAt = now
        return [.saveProgress(table)]
    }

    private mutating func moveTo(_ index: Int, _ now: Date) throws(SessionRejection) -> [SessionEffect] {
        guard principleIds.indices.contains(index) else { throw SessionRejection(.ruleNoPrinciple) }
        let id = principleIds[index]
        let minutes = vision.principle(id: id)?.minutes ?? 15
        var leaving = table.progress
        if let since = leaving.timer.runningSince {
            leaving.timer.elapsedBeforeStart += max(0, now.timeIntervalSince(since))
            leaving.timer.runningSince = nil
        }
        leftProgress[principleIndex] = leaving
        table.progress = leftProgress[index] ?? TableProgress(principleIndex: index, phase: .present,
                                                              timer: TimerState(durationSeconds: minutes * 60))
        table.updatedAt = now
        notes = []
        agreement = AgreementTally()
        return [.saveProgress(table), .loadPrinciple(tableId: table.id, principleId: id)]
    }

    private mutating func change(_ id: UUID, _ now: Date, _ edit: (inout Note) -> Void) throws(SessionRejection) -> [SessionEffect] {
        guard let before = note(id), !before.isDeleted else { throw SessionRejection(.ruleNoSuchNote) }
        var after = before
        edit(&after)
        guard after != before else { return [] }
        after.editedAt = now
        return record(NoteChange(before: before, after: after))
    }

    private mutating func changeInitiative(_ id: UUID, _ now: Date, _ edit: (inout Note) -> Void) throws(SessionRejection) -> [SessionEffect] {
        guard let existing = note(id), !existing.isDeleted else { throw SessionRejection(.ruleNoSuchNote) }
        guard existing.isInitiative else { throw SessionRejection(.ruleNotInitiative) }
        return try change(id, now, edit)
    }

    /// Puts back one side of `change` (the after side when `forward`). A
    /// change made under another principle is undone there, in sight: the
    /// table goes to that principle first.
    private mutating func put(_ change: SessionChange, forward: Bool, _ now: Date) throws(SessionRejection) -> [SessionEffect] {
        switch change {
        case .note(let c):
            // Undoing a creation is a soft delete, so the note is never lost from the file.
            var target = forward ? c.after : (c.before ?? { var n = c.after; n.deletedAt = now; return n }())
            target.editedAt = now
            if target.tableId == table.id, target.principleId != table.currentPrincipleId,
               let index = principleIds.firstIndex(of: target.principleId) {
                return [.saveNote(target)] + (try moveTo(index, now))
            }
            apply(target)
            return [.saveNote(target)]
        case let .timer(index, before, after):
            var effects: [SessionEffect] = []
            if index != principleIndex { effects = try moveTo(index, now) }
            table.progress.timer = forward ? after : before
            table.updatedAt = now
            if effects.isEmpty { return [.saveProgress(table)] }
            effects[0] = .saveProgress(table)
            return effects
        }
    }

    private mutating func record(_ change: NoteChange) -> [SessionEffect] {
        undoStack.append(.note(change))
        redoStack.removeAll()
        apply(change.after)
        return [.saveNote(change.after)]
    }

    /// Puts `note` into the loaded page when it belongs to the current
    /// principle, and takes it out when it was moved elsewhere.
    private mutating func apply(_ note: Note) {
        let belongs = note.principleId == table.currentPrincipleId && note.tableId == table.id
        if let i = notes.firstIndex(where: { $0.id == note.id }) {
            if belongs { notes[i] = note } else { notes.remove(at: i) }
        } else if belongs {
            notes.append(note)
        }
    }
}

extension RoundTable {
    /// A new table walking every principle of `vision` in order, at the first one.
    public static func new(id: UUID, number: Int, vision: Vision, now: Date) -> RoundTable {
        let first = vision.principles.first?.minutes ?? 15
        return RoundTable(id: id, number: number, name: "", principleIds: vision.principles.map(\.id),
                     progress: TableProgress(principleIndex: 0, phase: .present,
                                             timer: TimerState(durationSeconds: first * 60)),
                     updatedAt: now)
    }
}
