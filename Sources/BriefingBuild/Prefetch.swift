import Dispatch
import Synchronization

/// A value computed on another thread while the build does something else, waited for where it is needed.
///
/// The build's steps are mostly sequential and some use one core; on a small machine, overlapping two
/// independent ones (loading the parse cache while the manifest loads and inputs are scanned) is time saved.
final class Prefetch<Value: Sendable>: Sendable {
    private let group = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { [self] in
            let value = work()
            result.withLock { $0 = value }
        }
    }

    /// Waits for the work to finish.
    var value: Value {
        group.wait()
        // The work always stores a value before the group is left.
        return result.withLock { $0 }.unsafelyUnwrapped
    }
}
