/// Bytes destined for one path under the output folder.
public struct OutputFile: Sendable {
    /// Relative to the output folder, with `/` separators.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// A path that stays inside the output folder: relative, no `..`, no empty or hidden-parent tricks.
    var isContained: Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
