/// What a build did, summed up in the one line `briefing build` prints.
public struct BuildReport: Sendable, CustomStringConvertible {
    public var pages: Int
    public var files: Int
    public var written: Int
    public var unchanged: Int
    public var removed: Int
    public var seconds: Double

    public var description: String {
        let time = seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\((seconds * 100).rounded() / 100) s"
        return "Built \(pages) pages (\(files) files: \(written) written, \(unchanged) unchanged, \(removed) removed) in \(time)"
    }
}
