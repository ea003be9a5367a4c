@testable import DXServer
import Testing

/// The router as a pure function of method and raw segments (the segment rules themselves are
/// in `PathSegmentRoutingTests`): what is found, and the order of the 501/400/405/404 answers.
@Suite("Router")
struct RouterTests {
    static func router() -> Router {
        var router = Router()
        let ok: RouteHandler = { _ in HTTPResponse(status: 200) }
        router.get("/plan", ok)
        router.get("/measures", options: .publicCollection, ok)
        router.get("/measures/{code}", ok)
        router.add("POST", "/projects", ok)
        router.get("/projects", options: .publicCollection, ok)
        router.add("PATCH", "/projects/{id}", ok)
        router.add("DELETE", "/projects/{id}", ok)
        router.get("/surveys/{id}/questions/{n}", options: .publicCollection, ok)
        return router
    }

    /// A match in one comparable line.
    static func describe(_ match: Router.Match) -> String {
        switch match {
        case let .found(route, parameters, format):
            let bound = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return "\(route.method) \(route.pattern) \(format.rawValue) [\(bound)]"
        case let .methodNotAllowed(allowed): return "405 \(allowed.joined(separator: ", "))"
        case .notFound: return "404"
        case .notImplemented: return "501"
        case let .dotSegment(index): return "400 at \(index)"
        }
    }

    func match(_ method: String, _ path: String) -> String {
        Self.describe(Self.router().match(method: method, path: path))
    }

    @Test func aLiteralPathFindsItsRouteAsJSON() {
        #expect(match("GET", "/plan") == "GET /plan json []")
    }

    @Test func aParameterSegmentBindsTheDecodedSegment() {
        #expect(match("GET", "/measures/1-7") == "GET /measures/{code} json [code=1-7]")
        #expect(match("GET", "/measures/%E3%83%87") == "GET /measures/{code} json [code=デ]")
    }

    @Test func anEmptySegmentNeverBindsAParameter() {
        #expect(match("GET", "/measures/") == "404")
    }

    @Test func theSegmentCountMustBeExact() {
        #expect(match("GET", "/measures/1-7/extra") == "404")
        #expect(match("GET", "/") == "404")
    }

    @Test func headIsAnsweredByTheGetRoute() {
        #expect(match("HEAD", "/measures/1-7") == "GET /measures/{code} json [code=1-7]")
    }

    @Test func anotherMethodOnAnExistingResourceIs405WithEveryAllowedMethodPlusHeadAndOptions() {
        #expect(match("POST", "/plan") == "405 GET, HEAD, OPTIONS")
        #expect(match("GET", "/projects/3") == "405 PATCH, DELETE, OPTIONS")
        #expect(match("DELETE", "/projects") == "405 POST, GET, HEAD, OPTIONS")
    }

    @Test func aMethodNoRouteHasIs501WhateverThePath() {
        #expect(match("PUT", "/plan") == "501")
        #expect(match("PUT", "/nowhere") == "501")
        #expect(match("get", "/plan") == "501", "methods are case-sensitive (RFC 9110 §9.1)")
    }

    @Test func implementedMethodsAreOptionsTheRoutesMethodsAndHeadWhereGetIs() {
        #expect(Self.router().implementedMethods == ["OPTIONS", "GET", "HEAD", "POST", "PATCH", "DELETE"])
    }

    @Test func aDotSegmentIs400BeforeAny404Or405() {
        #expect(match("GET", "/nowhere/../plan") == "400 at 1")
        #expect(match("POST", "/plan/.") == "400 at 1")
    }

    @Test func the501DecisionComesBeforeTheDotSegmentOne() {
        #expect(match("PUT", "/../plan") == "501")
    }

    @Test func anUnknownPathIs404() {
        #expect(match("GET", "/nowhere") == "404")
    }

    @Test func malformedPercentEncodingMatchesNothing() {
        #expect(match("GET", "/measures/%zz") == "404")
    }

    @Test func aCSVSuffixSelectsTheCSVFormOfACSVRoute() {
        #expect(match("GET", "/measures.csv") == "GET /measures csv []")
        #expect(match("HEAD", "/projects.csv") == "GET /projects csv []")
    }

    @Test func aCSVSuffixOnARouteWithoutCSVIs404() {
        #expect(match("GET", "/plan.csv") == "404")
    }

    @Test func aCSVSuffixAloneIsNotAnEmptyName() {
        #expect(match("GET", "/measures/.csv") == "GET /measures/{code} json [code=.csv]")
    }

    @Test func onACSVRouteEndingInAParameterTheSuffixIsTheFormatNotTheValue() {
        #expect(match("GET", "/surveys/15/questions/1.csv") == "GET /surveys/{id}/questions/{n} csv [id=15,n=1]")
    }

    @Test func onARouteWithoutCSVASuffixedParameterIsItsValue() {
        #expect(match("GET", "/measures/1-7.csv") == "GET /measures/{code} json [code=1-7.csv]")
    }

    @Test func aWrongMethodOnTheCSVFormIs405ListingTheCSVRoutesMethods() {
        #expect(match("POST", "/measures.csv") == "405 GET, HEAD, OPTIONS")
    }
}
