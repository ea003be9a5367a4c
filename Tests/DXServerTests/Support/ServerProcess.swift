import Foundation
import Glibc
import Synchronization

/// The real `dxserve` binary run as a child process, for what only a process shows:
/// the printed port, exit codes on signals, descriptor exhaustion.
final class ServerProcess {
    let process = Process()
    let port: Int
    private let stderrPipe = Pipe()
    private let stdoutPipe = Pipe()

    static var binary: URL {
        // The test bundle sits in the same build folder as the executable product.
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dxserve")
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Starts `dxserve serve --port 0 ARGS` (through `sh` when `shellPrefix` sets limits) and
    /// waits for its `listening on` line.
    init(arguments: [String] = [], shellPrefix: String? = nil, environment: [String: String] = [:]) throws {
        let args = ["serve", "--port", "0"] + arguments
        if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let quoted = ([Self.binary.path] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            process.arguments = ["-c", shellPrefix + "; exec " + quoted.joined(separator: " ")]
        } else {
            process.executableURL = Self.binary
            process.arguments = args
        }
        process.currentDirectoryURL = Self.packageRoot
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        var line = ""
        let handle = stdoutPipe.fileHandleForReading
        let deadline = Date().addingTimeInterval(20)
        while !line.contains("\n") && Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { break }
            line += String(decoding: data, as: UTF8.self)
        }
        guard let match = line.split(separator: "\n").first, match.hasPrefix("listening on http://"),
              let port = Int(match.split(separator: ":").last ?? "") else {
            process.terminate()
            throw ServerProcessError.didNotStart(output: line + String(decoding: stderrPipe.fileHandleForReading.availableData, as: UTF8.self))
        }
        self.port = port
        self.firstLine = String(match)
        // A server writes its access log to stderr; an undrained pipe fills at 64 KiB and blocks
        // its log writer (and so its drain), which is the test's fault, not the server's.
        let captured = stderrCapture
        let reader = stderrPipe.fileHandleForReading
        Thread {
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                captured.state.withLock { $0.data.append(data) }
            }
            captured.state.withLock { $0.ended = true }
        }.start()
    }

    private let stderrCapture = StderrCapture()

    let firstLine: String

    /// CPU seconds the process has used, from /proc.
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8) else { return 0 }
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        guard fields.count > 13, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return 0 }
        return (utime + stime) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }

    /// Waits for exit; returns the status, or nil if it did not exit in time.
    func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Everything the process wrote to stderr, once it has closed it (exited).
    var stderrText: String {
        while !stderrCapture.state.withLock({ $0.ended }) { usleep(5_000) }
        return stderrCapture.state.withLock { String(decoding: $0.data, as: UTF8.self) }
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

/// What the child wrote to stderr so far, and whether it has closed it.
private final class StderrCapture: Sendable {
    let state = Mutex<(data: Data, ended: Bool)>((Data(), false))
}

enum ServerProcessError: Error {
    case didNotStart(output: String)
}
