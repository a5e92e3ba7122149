/// Why a source document could not be ingested: where, what, and what to do. Nothing is written when it is thrown.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public var fix: String?

    public init(file: String, line: Int? = nil, message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return fix.map { "\(location): \(message) — \($0)" } ?? "\(location): \(message)"
    }
}
