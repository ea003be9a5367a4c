/// One page of a collection in a sort order.
public struct KeysetPage<Item> {
    public var items: [Item]
    /// Rows in the whole filtered collection (not only after the cursor).
    public var total: Int
    /// The position of the page's last row when more rows follow; nil on the last page.
    public var next: KeysetCursor?

    public init(items: [Item], total: Int, next: KeysetCursor?) {
        self.items = items
        self.total = total
        self.next = next
    }

    /// Pages a small, fixed collection held in memory, through the same cursors as SQL paging.
    ///
    /// - Parameters:
    ///   - all: the whole filtered collection, in `order`.
    ///   - position: a row's key values in `order` (unique per row).
    ///   - request: the cursor is a position, not an index: the page starts at the first row
    ///     after it, even if the row it was made from is gone.
    public init(paging all: [Item], order: KeysetOrder, position: (Item) -> [SortValue], request: PageRequest) {
        let rest = request.after.map { cursor in all.filter { order.isAfter(position($0), cursor.values) } } ?? all
        let limit = request.limit ?? rest.count
        let items = Array(rest.prefix(limit))
        let next = rest.count > items.count ? items.last.map { KeysetCursor(order: order, values: position($0)) } : nil
        self.init(items: items, total: all.count, next: next)
    }

    public func map<T>(_ transform: (Item) throws -> T) rethrows -> KeysetPage<T> {
        KeysetPage<T>(items: try items.map(transform), total: total, next: next)
    }
}

extension KeysetPage: Sendable where Item: Sendable {}
extension KeysetPage: Equatable where Item: Equatable {}
