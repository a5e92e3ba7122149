import BriefingCheck
import Dispatch
import Synchronization

/// Shows how far a long operation has got: on a terminal one line redrawn in place (`rendered 1,234/16,000 · ETA 3s`),
/// in a log a few plain lines (at each quarter, and every ten seconds on a slow run). Short runs show nothing.
final class ProgressReporter: Sendable {
    /// Below this many items, progress is shown only once the operation has taken `minimumSeconds`.
    static let minimumItems = 200
    static let minimumSeconds = 0.5
    /// A redrawn line at most ten times a second: redrawing costs more than the work it reports on fast machines.
    static let redrawInterval = 0.1
    static let logInterval = 10.0

    private struct State {
        /// When the first item finished: reporters are made before their stage starts, so not at creation.
        var start: Double?
        var lastDraw = -Double.infinity
        var lastLine = 0.0
        var nextQuarter = 1
        var drewBar = false
    }

    private let label: String
    private let interactive: Bool
    private let clock: @Sendable () -> Double
    private let output: @Sendable (String) -> Void
    private let state: Mutex<State>

    /// `clock` gives seconds (any origin); `output` receives text exactly as it should be written.
    init(label: String, interactive: Bool, clock: @escaping @Sendable () -> Double, output: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.interactive = interactive
        self.clock = clock
        self.output = output
        state = Mutex(State())
    }

    /// Progress on standard error, redrawn when it is a terminal.
    convenience init(label: String, terminal: Terminal = .standardError) {
        self.init(label: label, interactive: terminal.isTTY, clock: ProgressReporter.monotonicSeconds, output: terminal.write)
    }

    /// Called from any thread, as often as items finish.
    func update(_ done: Int, of total: Int) {
        guard total > 0 else { return }
        let now = clock()
        state.withLock { state in
            let start = state.start ?? now
            if state.start == nil { (state.start, state.lastLine) = (now, now) }
            let elapsed = now - start
            guard total >= ProgressReporter.minimumItems || elapsed >= ProgressReporter.minimumSeconds else { return }
            if interactive {
                guard done >= total || now - state.lastDraw >= ProgressReporter.redrawInterval else { return }
                state.lastDraw = now
                state.drewBar = true
                output("\r\u{1B}[K" + line(done, total, elapsed: elapsed, bar: true))
            } else {
                let quarter = min(4, done * 4 / total)
                guard quarter >= state.nextQuarter || now - state.lastLine >= ProgressReporter.logInterval else { return }
                state.nextQuarter = max(state.nextQuarter, quarter + 1)
                state.lastLine = now
                output(line(done, total, elapsed: elapsed, bar: false) + "\n")
            }
        }
    }

    /// Clears the redrawn line, so what the command prints next starts on a clean one.
    func finish() {
        state.withLock { state in
            if state.drewBar { output("\r\u{1B}[K") }
            state.drewBar = false
        }
    }

    /// A callback for the library's `progress` parameters.
    var callback: @Sendable (Int, Int) -> Void {
        { [self] done, total in update(done, of: total) }
    }

    private func line(_ done: Int, _ total: Int, elapsed: Double, bar: Bool) -> String {
        let counts = "\(label) \(CountText.grouped(done))/\(CountText.grouped(total))"
        let percent = done * 100 / total
        guard bar else { return "\(counts) (\(percent)%)" }
        let width = 20
        let filled = min(width, done * width / total)
        let meter = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        // The first items say little about the rest: no estimate until the work has run a moment.
        let estimate = done > 0 && done < total && elapsed >= ProgressReporter.redrawInterval
        let eta = estimate ? " · ETA \(ProgressReporter.duration(elapsed / Double(done) * Double(total - done)))" : ""
        return "\(counts) \(meter) \(percent)%\(eta)"
    }

    /// `3s`, `1m 20s`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole < 60 ? "\(whole)s" : "\(whole / 60)m \(whole % 60)s"
    }

    @Sendable static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }
}
