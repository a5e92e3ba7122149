import Dispatch
import Synchronization

/// Work done on another thread while the build does something else, waited for where its result is needed.
///
/// Some of the build's last steps use one core; on a small machine, overlapping two independent ones
/// (saving the parse cache while the manifest is saved) is time saved.
final class BackgroundTask<Value: Sendable>: Sendable {
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
