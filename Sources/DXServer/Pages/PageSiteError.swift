/// Why the pages' files could not be loaded at start.
public enum PageSiteError: Error, Sendable, CustomStringConvertible {
    /// No `pages/` folder in any of the places searched (absolute paths, in order).
    case directoryNotFound(searched: [String])
    /// A file the pages need is missing or unreadable.
    case unreadable(path: String)
    /// A template does not parse; `reason` is the parser's message with its line.
    case invalidTemplate(name: String, reason: String)
    /// A template that the code renders is not in the library.
    case missingTemplate(name: String)

    public var description: String {
        switch self {
        case .directoryNotFound(let searched): "no pages/ folder; searched: \(searched.joined(separator: ", "))"
        case .unreadable(let path): "cannot read \(path)"
        case .invalidTemplate(let name, let reason): "template \(name) does not parse: \(reason)"
        case .missingTemplate(let name): "no template named \(name)"
        }
    }
}
