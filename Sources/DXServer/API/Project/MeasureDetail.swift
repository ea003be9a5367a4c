import DXCore

/// `GET /api/v1/measures/{code}`: the measure's own members (status counts included) plus
/// its live projects, as the contract asks.
struct MeasureDetail: Encodable {
    let measure: Measure
    let projects: [Project]

    enum CodingKeys: String, CodingKey { case projects }

    func encode(to encoder: any Encoder) throws {
        try measure.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(projects, forKey: .projects)
    }
}
