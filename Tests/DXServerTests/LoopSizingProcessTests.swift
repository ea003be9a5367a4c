import Foundation
import Glibc
import Testing

/// Loop threads follow the CPUs the process may run on, so a server pinned to one core runs
/// one loop instead of two competing for it.
@Suite struct LoopSizingProcessTests {
    /// Loop threads name themselves as they start: look until `expected` appear or 5 s pass.
    private func loopThreads(of pid: Int32, expecting expected: Int) throws -> Int {
        let deadline = Date().addingTimeInterval(5)
        var seen = try count(pid)
        while seen != expected && Date() < deadline {
            usleep(20_000)
            seen = try count(pid)
        }
        return seen
    }

    private func count(_ pid: Int32) throws -> Int {
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")
        return tasks.filter { task in
            let comm = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/comm", encoding: .utf8)) ?? ""
            return comm.hasPrefix("dxserve-loop")
        }.count
    }

    @Test func pinnedToOneCPUItRunsOneLoop() throws {
        let server = try ServerProcess(arguments: ["--db", tempDatabasePath()], shellPrefix: "taskset -p -c 0 $$ >/dev/null")
        defer { server.signal(SIGTERM); _ = server.waitForExit() }
        #expect(try loopThreads(of: server.process.processIdentifier, expecting: 1) == 1)
    }

    @Test func unpinnedItRunsOneLoopPerAvailableCPU() throws {
        let server = try ServerProcess(arguments: ["--db", tempDatabasePath()])
        defer { server.signal(SIGTERM); _ = server.waitForExit() }
        let cpus = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #expect(try loopThreads(of: server.process.processIdentifier, expecting: cpus) == cpus)
    }
}
