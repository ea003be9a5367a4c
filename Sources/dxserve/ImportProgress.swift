import Foundation
import Glibc

/// "rows done of total" on stderr for an import that runs longer than a second, redrawn in
/// place (`\r`), and only when stderr is a terminal: a script or a log file gets the final
/// report alone. Shared by every `dxserve import` command.
final class ImportProgress {
    let total: Int
    let label: String
    private let enabled: Bool
    private let started = Date()
    private var lastDrawn: Date?

    /// Nothing is shown before `delay` seconds (imports that finish sooner stay silent).
    let delay: TimeInterval = 1

    init(total: Int, label: String, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.label = label
        self.enabled = isTerminal && total > 0
    }

    /// `done` rows of `total` are written; redrawn at most ten times a second.
    func update(_ done: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(started) >= delay else { return }
        if let lastDrawn, now.timeIntervalSince(lastDrawn) < 0.1, done < total { return }
        lastDrawn = now
        FileHandle.standardError.write(Data("\r\(label): \(done) of \(total) rows".utf8))
    }

    /// Ends the progress line, if one was drawn.
    func finish() {
        guard lastDrawn != nil else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
