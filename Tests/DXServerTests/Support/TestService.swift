import DXServer
import Foundation

/// `TestRoutes` (or `routes`) behind an `HTTPService`, answered in-process as
/// `withAPIService` answers the API: for what every response shares (gzip, ETag, CORS, request
/// ids, problems), which needs no socket. `withTestServer` serves the same routes live.
func withTestService<T>(
    routes: (inout Router) -> Void = TestRoutes.register,
    dataVersion: @escaping @Sendable () -> UInt64 = { 0 },
    _ body: (TestServiceHandle) throws -> T
) throws -> T {
    var router = Router()
    routes(&router)
    return try body(TestServiceHandle(service: HTTPService(router: router, dataVersion: dataVersion)))
}

/// The in-process twin of `TestServerHandle`: `send` takes the same raw request.
struct TestServiceHandle {
    let service: HTTPService

    func send(_ raw: String) throws -> HTTPResponse {
        try InProcessAPI.answer(Array(raw.utf8), with: service)
    }
}
