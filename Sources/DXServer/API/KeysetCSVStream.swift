import DXCore

/// A CSV export streamed from SQL: the header, then the collection in `chunkRows`-row pieces,
/// each read by `fetch` in its own short read transaction from the position the previous
/// piece ended at (keyset, as for pages). A slow download therefore never holds a database
/// connection or a snapshot between pieces, and memory stays one piece whatever the size.
/// A row that moves in the order while the export runs is seen where it was or where it is,
/// never twice, as with paging.
///
/// The first piece is read when the stream is made, inside the route, so a database error
/// or an unknown resource is still a proper status, not a truncated body.
final class KeysetCSVStream<T: CSVRepresentable & Sendable>: BodyStream, @unchecked Sendable {
    /// Rows per piece: about 100–300 KiB of CSV for projects, one chunk on the wire.
    static var chunkRows: Int { 500 }

    private let fetch: @Sendable (PageRequest) throws -> KeysetPage<T>
    private let bom: Bool
    private let numberColumns: Set<Int>
    // Touched by one worker call at a time (the engine never asks for two pieces at once).
    private var after: KeysetCursor?
    private var finished = false
    private var first: [UInt8]?

    init(after cursor: KeysetCursor?, bom: Bool, header: CSVHeaderLanguage,
         fetch: @escaping @Sendable (PageRequest) throws -> KeysetPage<T>) throws {
        self.fetch = fetch
        self.bom = bom
        self.numberColumns = CSVWriter.numberColumns(of: T.self)
        self.after = cursor
        var start = CSVWriter.start(of: T.self, bom: bom, header: header)
        try appendPiece(to: &start)
        first = start
    }

    func nextChunk() throws -> [UInt8]? {
        if let first {
            self.first = nil
            return first
        }
        guard !finished else { return nil }
        var out: [UInt8] = []
        try appendPiece(to: &out)
        return out.isEmpty ? nil : out
    }

    private func appendPiece(to out: inout [UInt8]) throws {
        let page = try fetch(PageRequest(limit: Self.chunkRows, after: after))
        out.reserveCapacity(out.count + page.items.count * 256)
        CSVWriter.appendRows(page.items, to: &out, bom: bom, numberColumns: numberColumns)
        after = page.next
        if page.next == nil { finished = true }
    }
}
