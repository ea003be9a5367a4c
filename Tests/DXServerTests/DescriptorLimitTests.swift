import DXServer
import Foundation
import Glibc
import Testing

@Suite struct DescriptorLimitTests {
    @Test func defaultMaxConnectionsLeavesHeadroomForTheDatabaseAndLogs() {
        #expect(DescriptorLimit.defaultMaxConnections(descriptorLimit: 20_000) == 20_000 - DescriptorLimit.headroom)
        #expect(DescriptorLimit.defaultMaxConnections(descriptorLimit: 1024) == 1024 - DescriptorLimit.headroom)
    }

    @Test func aSmallLimitKeepsAQuarterBack() {
        #expect(DescriptorLimit.defaultMaxConnections(descriptorLimit: 48) == 36)
        #expect(DescriptorLimit.defaultMaxConnections(descriptorLimit: 0) == 1)
        #expect(DescriptorLimit.defaultMaxConnections(descriptorLimit: -5) == 1)
    }

    @Test func anUnlimitedLimitIsCappedAtTheFlagsRange() {
        #expect(DescriptorLimit.defaultMaxConnections(descriptorLimit: Int.max) == 1_000_000)
    }

    @Test func theServerRaisesItsSoftDescriptorLimitToTheHardLimitAtStart() throws {
        var limit = rlimit()
        try #require(getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0)
        try #require(limit.rlim_max > 200, "needs a hard limit above the soft one set below")
        let server = try ServerProcess(arguments: ["--db", tempDatabasePath()], shellPrefix: "ulimit -S -n 100")
        let limits = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/limits", encoding: .utf8)
        let line = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max open files") })
        let numbers = line.split(separator: " ").compactMap { UInt($0) }
        #expect(numbers.count == 2 && numbers[0] == numbers[1], "\(line)")
        #expect(numbers.first.map { UInt64($0) } == UInt64(limit.rlim_max))
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0)
    }
}
