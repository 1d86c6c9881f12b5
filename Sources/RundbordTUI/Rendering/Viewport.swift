/// What a drawn frame tells update about the screen's scrolled part, as
/// ratatui's stateful widgets do: how many rows a page is and how far it can
/// scroll. The runner sends it back after each frame (`.drawn`); update moves
/// by it and keeps its scroll positions within it, and lays nothing out itself.
public struct Viewport: Sendable, Equatable {
    /// The screen drawn (a viewport says nothing about another one).
    public var screen: ScreenID
    /// Rows PgUp and PgDn move (nil: the screen pages nothing).
    public var page: Int?
    /// The furthest the scrolled part could scroll (nil: no end was in sight).
    public var maxScroll: Int?

    public init(screen: ScreenID, page: Int? = nil, maxScroll: Int? = nil) {
        self.screen = screen; self.page = page; self.maxScroll = maxScroll
    }
}
