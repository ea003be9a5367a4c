/// How a fraction is written in CSV: the shortest decimal that reads back as the same Double,
/// the digits the JSON carries, so a spreadsheet and a script see one value, unrounded.
enum CSVNumber {
    static func format(_ value: Double) -> String {
        // `description` is Swift's shortest round-trip form; it switches to exponent notation
        // below 1e-4 ("5e-05"), which spreadsheet programs and every CSV reader parse as a number.
        value.isFinite ? value.description : ""
    }
}
