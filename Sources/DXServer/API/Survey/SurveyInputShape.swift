/// The members of a `POST /api/v1/surveys` body that the server reads, as a tree. Members not
/// in it are ignored (the document allows them), so rules such as "every number is an
/// integer" apply only to what is read: an unknown member never turns a valid survey into a 422.
enum SurveyInputShape {
    indirect enum Node: Sendable {
        case leaf
        case object([String: Node])
        case array(Node)

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
