import DXCore

/// Who answers questions about the published data: the catalog's `dcat:contactPoint`
/// (a `vcard:Kind`). Configured per deployment (`--contact-name`, `--contact-email`).
public struct CatalogContact: Sendable, Equatable {
    /// `vcard:fn`: an office, not a person.
    public let name: String
    /// `vcard:hasEmail` as `mailto:`; nil until the operator configures one, because an
    /// address the server made up would send citizens' mail nowhere (or to a stranger).
    public let email: String?

    /// Why a configured contact was refused; `description` is a sentence for the operator.
    public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
        case name(String)
        case email(String)

        public var description: String {
            switch self {
            case .name(let name): "contact name '\(name)' must be 1 to 200 characters without control characters"
            case .email(let email): "contact email '\(email)' must be one address, local@domain, up to 254 characters"
            }
        }
    }

    /// The default: the city's DX office, named generically, with no address.
    public static let cityDXOffice = CatalogContact(uncheckedName: "都城市 DX推進担当", email: nil)

    private init(uncheckedName: String, email: String?) {
        self.name = uncheckedName
        self.email = email
    }

    /// Checks both: the name is 1–200 characters, not blank (`BlankText`), without control or bidi characters; the email is one
    /// `local@domain` address (RFC 5321 §4.5.3.1.3: at most 254 octets), no spaces, no `mailto:`.
    public init(name: String, email: String?) throws(ConfigurationError) {
        guard (1...200).contains(name.count), !BlankText.isBlank(name), ControlCharacters.firstForbidden(in: name) == nil else { throw .name(name) }
        if let email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            let allowed = email.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>()[],;:\\\"".unicodeScalars.contains($0) }
            guard email.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                  !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), allowed
            else { throw .email(email) }
        }
        self.init(uncheckedName: name, email: email)
    }
}
