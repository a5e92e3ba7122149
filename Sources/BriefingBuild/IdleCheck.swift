import Dispatch
import Foundation
import Synchronization

/// A check made of many small independent parts, begun on a thread of the lowest priority so that it takes only a
/// core the build leaves idle; whoever needs the answer takes the parts not yet begun.
///
/// Low priority alone would leave the build waiting behind any other program busy on the machine.
final class IdleCheck: Sendable {
    private let parts: Int
    private let check: @Sendable (Int) -> Bool
    private let next = Atomic<Int>(0)
    private let failed = Atomic<Bool>(false)
    private let underWay = DispatchGroup()

    /// `check(part)` for each part in `0..<parts`, until one fails.
    init(parts: Int, check: @escaping @Sendable (Int) -> Bool) {
        self.parts = parts
        self.check = check
        Thread { [self] in
            #if os(Linux)
            // On Linux each thread has a niceness of its own (`who` 0 is the calling thread); raising it needs no privilege.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            #endif
            takeParts()
        }.start()
    }

    /// Whether every part passed: takes the parts not yet begun, then waits for those under way.
    var passed: Bool {
        takeParts()
        underWay.wait()
        return !failed.load(ordering: .relaxed)
    }

    private func takeParts() {
        while true {
            // Entered before a part is claimed, so that a waiter cannot miss a part being checked.
            underWay.enter()
            defer { underWay.leave() }
            let part = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard part < parts, !failed.load(ordering: .relaxed) else { return }
            if !check(part) { failed.store(true, ordering: .relaxed) }
        }
    }
}
