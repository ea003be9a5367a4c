import DXCore
import Foundation
import Mustache

/// The pages' templates and static assets, read once at start from a `pages/` folder shipped
/// next to the binary the way `migrations/` is (see `Migrator.locateDirectory`):
/// `pages/templates/*.mustache` and `pages/assets/` (the stylesheet and the icon).
///
/// Templates are Mustache (hummingbird-project/swift-mustache): `{{name}}` is HTML-escaped
/// (`< > & " '`), so every value from the database is inert unless a template says `{{{…}}}`,
/// which only the server-made SVG charts use.
public struct PageSite: Sendable {
    let library: MustacheLibrary
    /// `pages/assets/site.css`, served at `stylesheetPath`.
    public let stylesheet: [UInt8]
    /// `pages/assets/favicon.svg`, served at `/assets/favicon.svg`.
    public let favicon: [UInt8]
    /// The first 12 hex digits of the stylesheet's SHA-256: pages link `/assets/site.css?v=…`
    /// so a new stylesheet is a new URL and the old one may be cached for a year.
    public let stylesheetVersion: String

    /// Every template the code renders; loading fails when one is missing, so a broken
    /// deployment stops at start rather than on the first visitor.
    static let templateNames = ["layout", "project-list", "home", "policy", "measure", "projects", "project", "survey", "about", "error"]

    public init(directory: URL) throws(PageSiteError) {
        var templates: [String: MustacheTemplate] = [:]
        let templateDirectory = directory.appendingPathComponent("templates", isDirectory: true)
        for name in Self.templateNames {
            let path = templateDirectory.appendingPathComponent("\(name).mustache").path
            let text = try Self.read(path)
            do {
                templates[name] = try MustacheTemplate(string: String(decoding: text, as: UTF8.self))
            } catch {
                throw .invalidTemplate(name: name, reason: "\(error)")
            }
        }
        library = MustacheLibrary(templates: templates)
        let assets = directory.appendingPathComponent("assets", isDirectory: true)
        stylesheet = try Self.read(assets.appendingPathComponent("site.css").path)
        favicon = try Self.read(assets.appendingPathComponent("favicon.svg").path)
        stylesheetVersion = String(Digest.sha256Hex(stylesheet).prefix(12))
    }

    /// The folder to load: `explicit` (from `DX_PAGES`) when given, else `./pages`, else
    /// `pages/` beside the executable or up to three folders above it (a build folder), else
    /// `share/dxserve/pages` beside the executable's `bin/` (an installed layout).
    public static func locateDirectory(
        explicit: String? = ProcessInfo.processInfo.environment["DX_PAGES"],
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        executableURL: URL? = Bundle.main.executableURL
    ) throws(PageSiteError) -> URL {
        var candidates: [URL] = []
        if let explicit, !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit, isDirectory: true, relativeTo: currentDirectory))
        } else {
            candidates.append(currentDirectory.appendingPathComponent("pages", isDirectory: true))
            if let executableURL {
                var folder = executableURL.resolvingSymlinksInPath().deletingLastPathComponent()
                candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/dxserve/pages", isDirectory: true))
                for _ in 0...3 {
                    candidates.append(folder.appendingPathComponent("pages", isDirectory: true))
                    folder = folder.deletingLastPathComponent()
                }
            }
        }
        let found = candidates.first { url in
            var flag: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent("templates").path, isDirectory: &flag) && flag.boolValue
        }
        guard let found else { throw .directoryNotFound(searched: candidates.map(\.standardizedFileURL.path)) }
        return found.standardizedFileURL
    }

    /// The page `name` filled from `model` (a value whose stored properties the template
    /// names), as UTF-8 bytes.
    func render(_ name: String, _ model: Any) throws(PageSiteError) -> [UInt8] {
        guard let text = library.render(model, withTemplate: name) else { throw .missingTemplate(name: name) }
        return Array(text.utf8)
    }

    private static func read(_ path: String) throws(PageSiteError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        return Array(data)
    }
}
