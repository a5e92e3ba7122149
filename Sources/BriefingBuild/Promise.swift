import Dispatch
import Synchronization

/// A value one step of the build hands to work already running on another thread, which waits where it needs it.
///
/// The search terms are decoded while the inputs are still being scanned, but looking a brief's terms up needs
/// its file's hash: the lookup waits for the scan, the decoding does not.
final class Promise<Value: Sendable>: Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let stored = Mutex<Value?>(nil)

    init() {}

    /// Hands the value over; called once.
    func fulfil(_ value: Value) {
        stored.withLock { $0 = value }
        ready.signal()
    }

    /// Waits until the value is handed over.
    var value: Value {
        if let value = stored.withLock({ $0 }) { return value }
        ready.wait()
        // Let any other waiter through too.
        ready.signal()
        return stored.withLock { $0 }.unsafelyUnwrapped
    }
}
