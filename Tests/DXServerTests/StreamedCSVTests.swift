import DXCore
@testable import DXServer
import Foundation
import Testing

// Issue 10: a CSV export of a collection whose size is not fixed is streamed (RFC 9112 §7.1
// chunked), piece by piece from SQL, never whole in memory.

/// `count` projects, enough to span several pieces of `KeysetCSVStream.chunkRows` rows; some
/// titles start with `=` so the spreadsheet flavour has something to neutralise.
private func importProjects(_ pool: DatabasePool, count: Int) throws {
    let rows = (0..<count).map { index in
        var patch = ProjectPatch()
        patch.measureCode = .set(["1-1", "1-7", "2-3"][index % 3])
        patch.title = .set(index % 7 == 0 ? "=事業 \(index)" : "事業, \"\(index)\"")
        patch.department = .set("デジタル統括課")
        patch.startFiscalYear = .set(2022)
        patch.endFiscalYear = .set(2025)
        return ProjectStore.ImportRow(line: index + 2, patch: patch)
    }
    _ = try ProjectStore(pool: pool).importProjects(rows, actor: "seed", dryRun: false)
}

/// The CSV the buffered path writes for the same rows: what a stream must equal byte for byte.
private func bufferedCSV(_ pool: DatabasePool, query: ProjectQuery = ProjectQuery(), bom: Bool = false, header: CSVHeaderLanguage = .en) throws -> [UInt8] {
    CSVWriter.write(try ProjectStore(pool: pool).projects(query), bom: bom, header: header)
}

@Suite struct StreamedCSVInProcessTests {
    @Test func anExportWithoutLimitIsStreamedAndEqualsTheWholeTable() throws {
        try withAPIService { api throws in
            try importProjects(api.context.pool, count: 1234)
            for (query, bom, header) in [("", false, CSVHeaderLanguage.en), ("?bom=1&header=ja", true, .ja), ("?sort=title", false, .en)] {
                let response = try api.get("/api/v1/projects.csv\(query)")
                #expect(response.status == 200)
                #expect(response.stream != nil)
                #expect(response.header("ETag") == nil)
                #expect(response.header("Content-Type") == "text/csv; charset=utf-8; header=present")
                let sort = query.contains("title") ? ProjectSort.title : .id
                #expect(response.body == (try bufferedCSV(api.context.pool, query: ProjectQuery(sort: sort), bom: bom, header: header)))
            }
        }
    }

    @Test func aStreamedExportStartsAfterItsCursorAndKeepsTheFilters() throws {
        try withAPIService { api throws in
            try importProjects(api.context.pool, count: 700)
            let page = try api.get("/api/v1/projects?measure=1-7&limit=100")
            let cursor = try #require(((try page.json() as? [String: Any])?["meta"] as? [String: Any])?["next_cursor"] as? String)
            let rest = try api.get("/api/v1/projects.csv?measure=1-7&cursor=\(cursor)")
            #expect(rest.stream != nil)
            let expected = try ProjectStore(pool: api.context.pool).projects(ProjectQuery(measureCode: "1-7")).dropFirst(100)
            #expect(rest.body == CSVWriter.write(Array(expected), bom: false))
        }
    }

    @Test func aPageWithLimitStaysAWholeBodyWithItsETag() throws {
        try withAPIService { api throws in
            try importProjects(api.context.pool, count: 30)
            let response = try api.get("/api/v1/projects.csv?limit=10")
            #expect(response.stream == nil)
            #expect(response.header("ETag") != nil)
            #expect(response.header("Link") != nil)
        }
    }

    @Test func aStreamedHistoryOfAnUnknownProjectIsA404NotATruncatedBody() throws {
        try withAPIService { api throws in
            let response = try api.get("/api/v1/projects/999/history.csv")
            #expect(response.status == 404)
            #expect(response.stream == nil)
        }
    }

    @Test func ifMatchOnAStreamedExportIs412SinceItHasNoEntityTag() throws {
        try withAPIService { api throws in
            try importProjects(api.context.pool, count: 3)
            #expect(try api.get("/api/v1/projects.csv", headers: [("If-Match", "\"x\"")]).status == 412)
            #expect(try api.get("/api/v1/projects.csv", headers: [("If-None-Match", "\"x\"")]).status == 200)
        }
    }
}

@Suite struct StreamedCSVLiveTests {
    @Test func theChunkedBodyParsesToTheSameBytesAsTheBufferedCSV() throws {
        try withAPIServer { server throws in
            try importProjects(server.context.pool, count: 1500)
            let client = try RawClient(port: server.port)
            try client.write("GET /api/v1/projects.csv HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let response = try #require(try client.readResponse(timeout: 10))
            #expect(response.status == 200)
            #expect(response.header("Transfer-Encoding") == "chunked")
            #expect(response.header("Content-Length") == nil)
            #expect(response.complete)
            #expect(response.chunkCount >= 3)
            #expect(response.body == (try bufferedCSV(server.context.pool)))
            // The connection stays usable after the last-chunk.
            try client.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try client.readResponse()?.status == 200)
        }
    }

    @Test func headOfAStreamedExportSendsNoBody() throws {
        try withAPIServer { server throws in
            try importProjects(server.context.pool, count: 600)
            let client = try RawClient(port: server.port)
            try client.write("HEAD /api/v1/projects.csv HTTP/1.1\r\nHost: localhost\r\n\r\nGET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let head = try #require(try client.readResponse(headRequest: true))
            #expect(head.status == 200)
            // Had a body followed, this would read chunk bytes instead of the next status line.
            let next = try #require(try client.readResponse())
            #expect(next.status == 200)
            #expect(next.text == #"{"status":"ok"}"#)
        }
    }

    @Test func anHTTP10ClientGetsTheRawBodyEndedByTheClose() throws {
        try withAPIServer { server throws in
            try importProjects(server.context.pool, count: 700)
            let client = try RawClient(port: server.port)
            try client.write("GET /api/v1/projects.csv HTTP/1.0\r\n\r\n")
            let response = try #require(try client.readResponse(timeout: 10))
            #expect(response.header("Transfer-Encoding") == nil)
            #expect(response.closesConnection)
            #expect(response.body == (try bufferedCSV(server.context.pool)))
        }
    }
}

/// A stream that fails after its first piece, for the engine's error path.
private final class FailingStream: BodyStream, @unchecked Sendable {
    private var pieces = 0
    struct Failure: Error {}

    func nextChunk() throws -> [UInt8]? {
        pieces += 1
        if pieces == 1 { return Array("id,title\r\n1,a\r\n".utf8) }
        throw Failure()
    }
}

@Suite struct StreamedBodyEngineTests {
    @Test func anErrorMidStreamEndsTheConnectionWithoutTheLastChunk() throws {
        try withTestServer(routes: { router in
            router.get("/failing.csv") { _ in
                var response = HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/csv")]))
                response.stream = FailingStream()
                return response
            }
        }) { server throws in
            let client = try server.connect()
            try client.write("GET /failing.csv HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let response = try #require(try client.readResponse(timeout: 5))
            #expect(response.status == 200)
            #expect(response.text == "id,title\r\n1,a\r\n")
            // No last-chunk: the client can tell the body is incomplete.
            #expect(!response.complete)
            #expect(client.waitForClose())
        }
    }
}
