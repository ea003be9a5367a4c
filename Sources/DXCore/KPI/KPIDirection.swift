/// Which way a KPI improves: a share of online applications `increase`s, a waiting time
/// `decrease`s. Targets lie on that side of the baseline (see `KPIValidator`).
public enum KPIDirection: String, Sendable, Equatable, Codable, CaseIterable {
    case increase
    case decrease
}
