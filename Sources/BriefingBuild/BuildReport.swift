/// What a build did, summed up in the one line `briefing build` prints.
public struct BuildReport: Sendable, CustomStringConvertible {
    /// Output files the build is responsible for: pages, theme assets and static files.
    public var planned: Int
    /// Files produced this time (rendered pages and copied files).
    public var rendered: Int
    /// Files whose bytes changed on disk.
    public var written: Int
    /// Files removed because nothing produces them any more.
    public var removed: Int
    public var seconds: Double
    /// Pages whose context was built and hashed to learn whether they changed; the rest were known unchanged.
    public var examined = 0
    /// False when the build examined only the pages whose reads an edit changed (`ReadChanges`), true when it
    /// examined every page (a first build, or an edit to more than briefs).
    public var examinedEveryPage = true
    /// With `--explain`: one line per rendered file saying why.
    public var explanations: [String] = []
    /// How long each stage took.
    public var times = StageTimes()

    /// Files left alone because their inputs had not changed.
    public var skipped: Int { planned - rendered }

    public var description: String {
        let time = seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\((seconds * 100).rounded() / 100) s"
        return "\(planned) files planned, \(rendered) rendered, \(written) written, \(skipped) skipped, \(removed) removed in \(time)"
    }
}
