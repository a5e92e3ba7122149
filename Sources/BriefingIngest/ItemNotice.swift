/// Something ingest says about one source item: why it was skipped, or what it had to guess.
public struct ItemNotice: Sendable, Equatable, CustomStringConvertible {
    /// The source document's name.
    public var source: String
    /// The item's line in the source, when the format gives one.
    public var line: Int?
    /// The item's title, or its position when it has none.
    public var item: String
    public var message: String

    public init(source: String, line: Int?, item: String, message: String) {
        self.source = source
        self.line = line
        self.item = item
        self.message = message
    }

    public var description: String {
        "\(line.map { "\(source):\($0)" } ?? source): \(item): \(message)"
    }
}
