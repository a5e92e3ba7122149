import Synchronization
import Testing
@testable import BriefingBuild

@Suite struct IdleCheckTests {
    /// The low-priority thread and the waiter share the parts: each is checked exactly once.
    @Test(arguments: [0, 1, 7, 500])
    func everyPartIsCheckedOnce(parts: Int) {
        let counts = Mutex([Int](repeating: 0, count: parts))
        let check = IdleCheck(parts: parts) { part in
            counts.withLock { $0[part] += 1 }
            return true
        }
        #expect(check.passed)
        #expect(counts.withLock { $0 }.allSatisfy { $0 == 1 })
        // Asking again checks nothing again.
        #expect(check.passed)
        #expect(counts.withLock { $0 }.allSatisfy { $0 == 1 })
    }

    @Test func onePartFailingFailsTheCheck() {
        #expect(!IdleCheck(parts: 300) { $0 != 237 }.passed)
        #expect(!IdleCheck(parts: 1) { _ in false }.passed)
    }
}
