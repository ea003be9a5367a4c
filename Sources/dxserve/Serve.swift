import ArgumentParser
import DXCore
import DXServer
import Dispatch
import Foundation
import Glibc
import Logging

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the API.")

    @Option(help: "Address to listen on (IPv4 or IPv6). Env: DX_HOST.")
    var host: String = ProcessInfo.processInfo.environment["DX_HOST"] ?? "127.0.0.1"

    @Option(help: "Port; 0 picks a free one and prints it. Env: DX_PORT.")
    var port: Int = Int(ProcessInfo.processInfo.environment["DX_PORT"] ?? "") ?? 8080

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var replica: ReplicaOptions

    @Option(help: ArgumentHelp(
        "Base of the absolute URLs in responses (Link), e.g. https://dx.example.jp: http or https, a host, an optional port. Without it they are built from the request's validated Host. Env: DX_PUBLIC_URL.",
        valueName: "url"))
    var publicURL: String = ProcessInfo.processInfo.environment["DX_PUBLIC_URL"] ?? ""

    @Option(help: ArgumentHelp(
        "Name of the office answering questions about the data, the catalog's contact point (vcard:fn). Env: DX_CONTACT_NAME.",
        valueName: "name"))
    var contactName: String = ProcessInfo.processInfo.environment["DX_CONTACT_NAME"] ?? CatalogContact.cityDXOffice.name

    @Option(help: ArgumentHelp(
        "Email address of that office (vcard:hasEmail); without it the catalog points to the publisher's homepage. Env: DX_CONTACT_EMAIL.",
        valueName: "address"))
    var contactEmail: String = ProcessInfo.processInfo.environment["DX_CONTACT_EMAIL"] ?? ""

    @Option(help: "Largest accepted request body, in bytes.")
    var maxBody: Int = 1 << 20

    @Option(help: "Seconds a new request's header section may take.")
    var headerTimeout: Double = 10

    @Option(help: "Seconds a request body may take after its head.")
    var bodyTimeout: Double = 30

    @Option(help: "Seconds an idle keep-alive connection is kept.")
    var idleTimeout: Double = 60

    @Option(help: "Most simultaneous connections; at the limit the longest-idle one is closed to admit a new one. Default: the descriptor limit (raised to its hard limit at start) less \(DescriptorLimit.headroom).")
    var maxConnections: Int?

    @Option(help: "Least average request-body rate, in bytes per second, once the grace period is over (408 below it); 0 disables.")
    var minBodyRate: Double = 240

    @Option(help: "Seconds a request body may take to ramp up before --min-body-rate applies.")
    var bodyRateGrace: Double = 5

    @Option(help: "Event-loop threads (default: one per CPU the process may run on).")
    var loops: Int = CPUAffinity.availableCPUs()

    @Option(help: ArgumentHelp(
        "A proxy (IPv4 or IPv6 address or CIDR network) whose X-Forwarded-For, X-Forwarded-Proto and X-Forwarded-Host are believed; repeatable. The client is then the last X-Forwarded-For hop that is not itself a trusted proxy. From anyone else those headers are ignored. Env: DX_TRUSTED_PROXIES (comma-separated).",
        valueName: "cidr"))
    var trustedProxy: [String] = Serve.environmentList("DX_TRUSTED_PROXIES")

    @Option(help: ArgumentHelp(
        "Failed authentications (wrong or malformed token) a client may make per window; the next write is 429 with Retry-After until the window ends. 0 disables. Env: DX_AUTH_FAILURE_LIMIT.",
        valueName: "count"))
    var authFailureLimit: Int = Int(ProcessInfo.processInfo.environment["DX_AUTH_FAILURE_LIMIT"] ?? "") ?? 10

    @Option(help: ArgumentHelp(
        "Seconds of a client's failed-authentication window, from its first failure. Env: DX_AUTH_FAILURE_WINDOW.",
        valueName: "seconds"))
    var authFailureWindow: Int = Int(ProcessInfo.processInfo.environment["DX_AUTH_FAILURE_WINDOW"] ?? "") ?? 300

    @Option(help: ArgumentHelp(
        "Clients whose failures are tracked at once; beyond it the oldest window is forgotten. Env: DX_AUTH_FAILURE_CLIENTS.",
        valueName: "count"))
    var authFailureClients: Int = Int(ProcessInfo.processInfo.environment["DX_AUTH_FAILURE_CLIENTS"] ?? "") ?? 10_000

    @Option(help: ArgumentHelp(
        "Expensive requests (uncached searches with q, facet counts, streamed CSV exports) served at once; more are answered 503 with Retry-After instead of queueing. 0 disables the cap. Env: DX_MAX_EXPENSIVE_REQUESTS.",
        valueName: "count"))
    var maxExpensiveRequests: Int = Int(ProcessInfo.processInfo.environment["DX_MAX_EXPENSIVE_REQUESTS"] ?? "") ?? 8

    @Flag(help: "Log client addresses whole; by default the access log keeps an IPv4 address's /24 and an IPv6 address's /48. Env: DX_LOG_FULL_ADDRESS=1.")
    var logFullAddress: Bool = ProcessInfo.processInfo.environment["DX_LOG_FULL_ADDRESS"] == "1"

    @Option(help: ArgumentHelp(
        "Format of the access log and the server's own messages on stderr: text (key=value) or json (one object per line, for log shippers). Env: DX_LOG_FORMAT.",
        valueName: "format"))
    var logFormat: String = ProcessInfo.processInfo.environment["DX_LOG_FORMAT"] ?? "text"

    @Option(help: ArgumentHelp(
        "Least level of the server's own messages: trace, debug, info, notice, warning, error or critical (the access log is not affected). Env: DX_LOG_LEVEL.",
        valueName: "level"))
    var logLevel: String = ProcessInfo.processInfo.environment["DX_LOG_LEVEL"] ?? "info"

    /// A comma- or space-separated environment variable as a list (empty when unset).
    static func environmentList(_ name: String) -> [String] {
        (ProcessInfo.processInfo.environment[name] ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    func validate() throws {
        for (name, value) in [("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout)] {
            guard value.isFinite, value > 0, value <= 86_400 else { throw ValidationError("\(name) must be between 0 and 86400 seconds.") }
        }
        if let maxConnections, !(1...1_000_000).contains(maxConnections) {
            throw ValidationError("--max-connections must be 1 to 1000000.")
        }
        guard minBodyRate.isFinite, (0...1_000_000_000).contains(minBodyRate) else {
            throw ValidationError("--min-body-rate must be 0 to 1000000000 bytes per second.")
        }
        guard bodyRateGrace.isFinite, (0...86_400).contains(bodyRateGrace) else {
            throw ValidationError("--body-rate-grace must be between 0 and 86400 seconds.")
        }
        guard (1...64).contains(loops) else { throw ValidationError("--loops must be 1 to 64.") }
        guard (1...(1 << 30)).contains(maxBody) else { throw ValidationError("--max-body must be 1 byte to 1 GiB.") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535.") }
        guard (0...1_000_000).contains(authFailureLimit) else { throw ValidationError("--auth-failure-limit must be 0 to 1000000.") }
        guard (1...86_400).contains(authFailureWindow) else { throw ValidationError("--auth-failure-window must be 1 to 86400 seconds.") }
        guard (1...10_000_000).contains(authFailureClients) else { throw ValidationError("--auth-failure-clients must be 1 to 10000000.") }
        guard (0...100_000).contains(maxExpensiveRequests) else { throw ValidationError("--max-expensive-requests must be 0 to 100000.") }
        guard AccessLogFormat(rawValue: logFormat) != nil else { throw ValidationError("--log-format must be text or json.") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        _ = try parsedTrustedProxies()
        _ = try parsedPublicURL()
        _ = try catalogConfiguration()
    }

    /// `--trusted-proxy` checked at start: a typo must not silently trust nobody (or everybody).
    func parsedTrustedProxies() throws -> TrustedProxies {
        var blocks: [CIDRBlock] = []
        for text in trustedProxy {
            do {
                blocks.append(try CIDRBlock(parsing: text))
            } catch {
                throw ValidationError("--trusted-proxy: \(error).")
            }
        }
        return TrustedProxies(blocks)
    }

    func abuseControl() throws -> AbuseControl {
        AbuseControl(trustedProxies: try parsedTrustedProxies(),
                     authFailures: AuthFailureLimiter(limit: authFailureLimit, windowSeconds: authFailureWindow, maxClients: authFailureClients),
                     expensiveRequests: ExpensiveRequestGate(capacity: maxExpensiveRequests))
    }

    /// The catalog's publisher with the configured contact, checked at start like the URL.
    func catalogConfiguration() throws -> CatalogConfiguration {
        var configuration = CatalogConfiguration.miyakonojo
        do {
            configuration.contact = try CatalogContact(name: contactName, email: contactEmail.isEmpty ? nil : contactEmail)
        } catch {
            throw ValidationError("--contact-name/--contact-email: \(error).")
        }
        return configuration
    }

    /// `--public-url` checked at start, so a typo stops the server instead of reaching clients.
    func parsedPublicURL() throws -> PublicURL? {
        guard !publicURL.isEmpty else { return nil }
        do {
            return try PublicURL(parsing: publicURL)
        } catch {
            throw ValidationError("--public-url: \(error).")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let format = AccessLogFormat(rawValue: logFormat) ?? .text
        ServerLog.bootstrap(format: format, level: Logger.Level(rawValue: logLevel) ?? .info)
        let logger = Logger(label: "dxserve")
        // A start that fails is one record in the chosen format, with the same fields in both
        // (`level=critical message="start failed" error=…`): a log shipper must not find the
        // one line that matters most in another shape.
        func stop(_ message: String) -> ExitCode {
            logger.critical("start failed", metadata: ["error": .string(message)])
            return ExitCode.failure
        }
        let descriptorLimit: Int
        do {
            descriptorLimit = try DescriptorLimit.raiseToHardLimit()
        } catch {
            throw stop("\(error)")
        }
        var config = ServerConfiguration()
        config.host = host
        config.port = port
        config.limits.maxBody = maxBody
        config.headerTimeout = headerTimeout
        config.bodyTimeout = bodyTimeout
        config.idleTimeout = idleTimeout
        config.maxConnections = maxConnections ?? DescriptorLimit.defaultMaxConnections(descriptorLimit: descriptorLimit)
        config.minBodyRate = minBodyRate
        config.bodyRateGrace = bodyRateGrace
        config.loopCount = loops

        let pool: DatabasePool
        let migrator: Migrator
        var refresher: ReplicaRefresher?
        var applied: [String] = []
        do {
            if replica.readOnly {
                let opened = try replica.open(database)
                (pool, migrator, refresher) = (opened.0, opened.1, opened.2)
            } else {
                let opened = try database.openMigrated()
                (pool, migrator) = (opened.0, opened.1)
                applied = opened.applied.map(\.fileName)
            }
        } catch {
            throw stop("\(error)")
        }
        let metrics = Metrics()
        let catalog = try catalogConfiguration()
        let shutdown = ShutdownSignal()
        let context = AppContext(pool: pool, migrator: migrator, catalog: catalog)
        let router = APIRouter.make(context: context, metrics: metrics, shutdown: shutdown)
        let service = HTTPService(router: router, metrics: metrics, dataVersion: context.cacheVersion,
                                  publicURL: try parsedPublicURL(), replica: try replica.policy(), abuse: try abuseControl(), onInternalError: { message in
            logger.error("internal error", metadata: ["cause": .string(message)])
        })
        let accessLog = AccessLog(fd: STDERR_FILENO, fullAddresses: logFullAddress, format: format)
        let server = HTTPServer(configuration: config, responder: service, accessLog: accessLog, shutdownSignal: shutdown,
                                onSystemError: { failure in
                                    logger.error("system call failed", metadata: [
                                        "call": .string(failure.call), "errno": .stringConvertible(failure.errno), "error": .string(failure.message),
                                    ])
                                })
        server.registerMetrics(on: metrics)
        let replicaRejections = FailureCount()
        ProcessMetrics.register(on: metrics, signalPipeFailures: { SignalWatcher.failureCount },
                                replicaRefreshFailures: { replicaRejections.value })
        // Installed before the port is printed, so a supervisor that signals at once is heard.
        do {
            try SignalWatcher.install([SIGTERM, SIGINT], logger: logger) {
                logger.info("draining", metadata: ["open_connections": .stringConvertible(server.connectionCount)])
                server.shutdown()
            }
        } catch {
            throw stop("signals cannot be watched: \(error)")
        }
        let logWatch = AccessLogWatch(accessLog: accessLog, logger: logger)
        // Writes from another process (the CLI's import, a token change) are noticed within a
        // second; this process's own writes bump the version synchronously.
        let watcher = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "dxserve.data-version"))
        watcher.schedule(deadline: .now() + 1, repeating: 1)
        // A replica's file never changes in place: it looks for a newer copy renamed over it.
        watcher.setEventHandler { [refresher] in
            logWatch.check()
            if let refresher {
                if refresher.check().log(to: logger) { replicaRejections.add() }
            } else {
                pool.externalChangeCheck()
            }
        }
        watcher.resume()
        do {
            try server.start()
        } catch {
            throw stop("\(error)")
        }
        if catalog.contact.email == nil {
            logger.warning("the catalog's contact point has no email; set --contact-email or DX_CONTACT_EMAIL")
        }
        StartupReport(address: server.url, port: server.port, database: database.db, migrationsApplied: applied,
                      mode: replica.readOnly ? "read-only" : "primary",
                      primaryURL: replica.primaryURL.isEmpty ? nil : replica.primaryURL).log(to: logger)
        print("listening on \(server.url)")
        fflush(nil)  // flush stdout so a parent reading the port sees it now
        // Start-up (migrations, templates, route table) freed most of what it allocated, but
        // glibc keeps freed pages of its arenas resident: about 9 MB of an idle server's RSS
        // (issue 9). Give them back once; later growth is the load's own.
        ProcessMemory.releaseFreedPages()
        server.waitUntilStopped()
        watcher.cancel()
        logWatch.check()
        logger.info("stopped")
    }
}
