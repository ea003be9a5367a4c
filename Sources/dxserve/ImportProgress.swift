import DXCore
import Foundation
import Glibc

/// "rows done of total" on stderr for an import that runs longer than a second, redrawn in
/// place (`\r`), and only when stderr is a terminal: a script or a log file gets the final
/// report alone. Shared by every `dxserve import` command; when and what it draws is
/// `ImportProgressMeter`'s (unit-tested there).
final class ImportProgress {
    private var meter: ImportProgressMeter
    private let enabled: Bool
    private let started = Date()

    init(total: Int, label: String, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.meter = ImportProgressMeter(total: total, label: label)
        self.enabled = isTerminal
    }

    /// `done` rows of the total are written.
    func update(_ done: Int) {
        guard enabled, let line = meter.line(done: done, elapsed: Date().timeIntervalSince(started)) else { return }
        FileHandle.standardError.write(Data("\r\(line)".utf8))
    }

    /// Ends the progress line, if one was drawn.
    func finish() {
        guard meter.hasDrawn else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
