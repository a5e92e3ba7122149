import BriefingCore

/// How long a failing source rests: its interval doubled with each failure in a row, up to a day (or four
/// intervals, when that is longer), plus up to a quarter more at random so failing sources spread out.
public struct Backoff: Sendable {
    public init() {}

    /// Seconds to wait after the `failures`-th failure in a row; `jitter` is in 0..<1.
    public func delay(failures: Int, every: Int, jitter: Double) -> Int {
        let cap = max(86_400, 4 * every)
        let doubled = every << min(max(failures - 1, 0), 20)
        let base = min(doubled, cap)
        return base + Int(Double(base) * 0.25 * min(max(jitter, 0), 1))
    }
}
