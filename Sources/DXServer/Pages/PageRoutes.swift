import DXCore

/// The pages for people: server-rendered HTML over the same stores as the API, at paths
/// outside `/api` (which always answers JSON or CSV). Public and cacheable like the API's
/// reads: the same ETag/304, gzip and response cache, keyed on the data version.
/// None of these routes is in the OpenAPI document, which describes `/api` only.
public enum PageRoutes {
    /// Every pattern registered here, so checks against the OpenAPI document can leave them out.
    public static let patterns: Set<String> = [
        "/", "/policies/{id}", "/measures/{code}", "/projects", "/projects/{id}", "/surveys/{id}", "/about",
        "/assets/site.css", "/assets/favicon.svg",
    ]

    /// `site`: the templates and assets; nil loads them from `directory`, or when that is nil
    /// from the `pages/` folder `PageSite.locateDirectory()` finds. When they cannot be
    /// loaded, every page answers 503 with the reason, and the API is unaffected.
    public static func register(on router: inout Router, context: AppContext, site: PageSite? = nil, directory: String? = nil) {
        let loaded: Result<PageSite, PageSiteError>
        if let site {
            loaded = .success(site)
        } else {
            loaded = Result { () throws(PageSiteError) -> PageSite in
                let folder = if let directory { try PageSite.locateDirectory(explicit: directory) } else { try PageSite.locateDirectory() }
                return try PageSite(directory: folder)
            }
        }
        guard case .success(let site) = loaded else {
            if case .failure(let error) = loaded { registerUnavailable(on: &router, reason: error) }
            return
        }
        let pages = Pages(site: site, context: context)
        router.get("/", options: .publicRead) { _ in try pages.respond { try pages.home() } }
        router.get("/policies/{id}", options: .publicRead) { request in try pages.respond { try pages.policy(request) } }
        router.get("/measures/{code}", options: .publicRead) { request in try pages.respond { try pages.measure(request) } }
        router.get("/projects", options: .publicRead) { request in try pages.respond { try pages.projectList(request) } }
        router.get("/projects/{id}", options: .publicRead) { request in try pages.respond { try pages.project(request) } }
        router.get("/surveys/{id}", options: .publicRead) { request in try pages.respond { try pages.survey(request) } }
        router.get("/about", options: .publicRead) { _ in try pages.respond { try pages.about() } }

        // Not `cacheable` (whose responses say `Cache-Control: no-cache`): the stylesheet's URL
        // carries its digest (`?v=`), so the current one may be kept a year; any other
        // spelling is revalidated after five minutes. ETag and 304 apply all the same.
        let asset = RouteOptions(nonBlocking: true)
        router.get("/assets/site.css", options: asset) { request in
            var response = HTTPResponse(status: 200, contentType: "text/css; charset=utf-8", body: site.stylesheet)
            let immutable = request.query["v"] == site.stylesheetVersion
            response.headers.add("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "public, max-age=300")
            response.headers.add("X-Content-Type-Options", "nosniff")
            return response
        }
        router.get("/assets/favicon.svg", options: asset) { _ in
            var response = HTTPResponse(status: 200, contentType: "image/svg+xml", body: site.favicon)
            response.headers.add("Cache-Control", "public, max-age=86400")
            response.headers.add("X-Content-Type-Options", "nosniff")
            return response
        }
        router.notFoundPage = { head in
            guard head.method == "GET" || head.method == "HEAD", !isAPIPath(head.path) else { return nil }
            return try? pages.errorPage(status: 404, detail: nil)
        }
    }

    /// `/api` and everything that may be meant for it answer problem+json, never a page: any
    /// spelling starting `/api` (`/api%2Fv1…` too) and any path starting with an empty
    /// segment (`//api/…`).
    static func isAPIPath(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasPrefix("/api") || lowered.hasPrefix("//")
    }

    private static func registerUnavailable(on router: inout Router, reason: PageSiteError) {
        for pattern in patterns {
            router.get(pattern) { _ in
                throw APIError(status: 503, detail: "The pages are unavailable: \(reason.description). Set DX_PAGES to the pages/ folder.")
            }
        }
    }
}
