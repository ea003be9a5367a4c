/// The pure part of an import's progress display (`dxserve import projects|measurements|budget`):
/// given how many rows are done and how long the import has run, whether to redraw and what.
/// The command (`ImportProgress`) owns the clock, the terminal check and stderr.
///
/// - Nothing before `delay` seconds: an import that finishes within a second stays silent.
/// - Then at most one line per `interval` seconds, so a fast import does not spend its time
///   writing to the terminal; the last row (`done == total`) is always drawn.
/// - The line is "`label`: `done` of `total` rows".
public struct ImportProgressMeter: Sendable, Equatable {
    public let total: Int
    public let label: String
    /// Seconds before the first line.
    public let delay: Double
    /// Least seconds between two lines.
    public let interval: Double
    /// When (seconds since the start) the last line was drawn; nil while none was.
    public private(set) var lastDrawnAt: Double?

    public init(total: Int, label: String, delay: Double = 1, interval: Double = 0.1) {
        self.total = total
        self.label = label
        self.delay = delay
        self.interval = interval
    }

    /// The line to draw now that `done` rows are written, `elapsed` seconds after the start,
    /// or nil when nothing should be drawn.
    public mutating func line(done: Int, elapsed: Double) -> String? {
        guard total > 0, elapsed >= delay else { return nil }
        if let lastDrawnAt, elapsed - lastDrawnAt < interval, done < total { return nil }
        lastDrawnAt = elapsed
        return "\(label): \(min(done, total)) of \(total) rows"
    }

    /// Whether a line was drawn (and so needs ending with a line break).
    public var hasDrawn: Bool { lastDrawnAt != nil }
}
