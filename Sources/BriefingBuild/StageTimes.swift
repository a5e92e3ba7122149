import Foundation

/// How long each stage of one build took, in the order they ran: `--explain` prints them, so an edit's cost
/// can be read off without a profiler.
public struct StageTimes: Sendable, CustomStringConvertible {
    public private(set) var stages: [(name: String, seconds: Double)] = []
    private var last = Date()

    public init() {}

    /// Ends the stage that began at the previous mark (or at `init`).
    mutating func mark(_ name: String) {
        let now = Date()
        stages.append((name, now.timeIntervalSince(last)))
        last = now
    }

    public var description: String {
        stages.map { "\($0.name) \(Int(($0.seconds * 1000).rounded())) ms" }.joined(separator: ", ")
    }
}
