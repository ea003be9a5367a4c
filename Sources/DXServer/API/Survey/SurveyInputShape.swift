/// The members of a `POST /api/v1/surveys` body that the server reads, as a tree. A member not
/// in it (a misspelt `city_responses` for `responses`) is a 422 naming it, as in a project
/// or KPI body (the document says `additionalProperties: false`): dropping it silently would
/// store a survey without what the client meant to send.
enum SurveyInputShape {
    indirect enum Node: Sendable {
        case leaf
        case object([String: Node])
        case array(Node)

        /// The path of every member of `value` this shape does not name, at any depth
        /// (`questions[0].city_responses`), sorted; empty when all are known.
        func unknownMembers(in value: JSONValue, path: String = "") -> [String] {
            switch (self, value) {
            case let (.object(members), .object(given)):
                return given.keys.sorted().flatMap { name -> [String] in
                    let child = path.isEmpty ? name : "\(path).\(name)"
                    guard let shape = members[name], let member = given[name] else { return [child] }
                    return shape.unknownMembers(in: member, path: child)
                }
            case let (.array(element), .array(items)):
                return items.enumerated().flatMap { element.unknownMembers(in: $1, path: "\(path)[\($0)]") }
            default:
                return []
            }
        }

        /// `value` with every member this shape does not name removed, at any depth.
        func prune(_ value: JSONValue) -> JSONValue {
            switch (self, value) {
            case let (.object(members), .object(given)):
                var kept: [String: JSONValue] = [:]
                for (name, child) in given {
                    if let shape = members[name] { kept[name] = shape.prune(child) }
                }
                return .object(kept)
            case let (.array(element), .array(items)):
                return .array(items.map(element.prune))
            default:
                return value
            }
        }
    }

    static let body: Node = .object([
        "id": .leaf, "edition": .leaf, "title": .leaf, "fiscal_year": .leaf, "fiscal_year_label": .leaf,
        "summary": .leaf, "area": .leaf, "target": .leaf, "sample_size": .leaf, "respondents": .leaf,
        "method": .leaf,
        "period": .object(["start": .leaf, "end": .leaf, "label": .leaf]),
        "profile": .array(.object(["dimension": .leaf, "label": .leaf, "count": .leaf])),
        "questions": .array(.object([
            "number": .leaf, "text": .leaf, "multiple_answers": .leaf,
            "options": .array(.object(["number": .leaf, "label": .leaf, "count": .leaf])),
            "no_answer": .object(["label": .leaf, "count": .leaf]),
            "responses": .array(.object([
                "rank": .leaf, "heading": .leaf, "text": .leaf, "option_number": .leaf, "items": .array(.leaf),
            ])),
        ])),
    ])
}
