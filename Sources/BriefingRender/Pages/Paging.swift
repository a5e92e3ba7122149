/// How a list is cut into pages of a fixed size: page N holds items `(N-1)·size ..< N·size`, and a list, even an
/// empty one, has at least one page, so a page's URL never disappears while its subject exists.
public struct Paging: Sendable, Equatable {
    /// How many items the whole list has.
    public let count: Int
    public let size: Int

    public init(count: Int, size: Int) {
        self.count = count
        self.size = max(1, size)
    }

    public var pageCount: Int { max(1, (count + size - 1) / size) }

    /// Every page number, from 1.
    public var pages: ClosedRange<Int> { 1...pageCount }

    /// The positions of the items on `page`.
    public func range(ofPage page: Int) -> Range<Int> {
        let start = min(count, max(0, page - 1) * size)
        return start..<min(count, start + size)
    }
}
