import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// Transforms every element on up to `jobs` threads, keeping the order of the input.
    ///
    /// Workers take the next index from a shared counter, so uneven items (a long brief, a big list page)
    /// balance themselves across cores.
    public func parallelMap<Result: Sendable>(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, _ transform: @Sendable (Element) -> Result) -> [Result] {
        let workers = Swift.max(1, Swift.min(jobs, count))
        if workers == 1 { return map(transform) }
        let next = Atomic<Int>(0)
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each index is written by exactly one worker, so sharing the buffer is safe.
            nonisolated(unsafe) let base = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < count, let base else { break }
                    (base + index).initialize(to: transform(self[index]))
                }
            }
            initialized = count
        }
    }
}

/// `first` and `second` side by side, the second on another thread where one is free, or one after the other when
/// `jobs` is 1; both results.
public func concurrently<First: Sendable, Second: Sendable>(
    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
    guard jobs > 1 else { return (first(), second()) }
    let results = Mutex<(First?, Second?)>((nil, nil))
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 {
            let value = first()
            results.withLock { $0.0 = value }
        } else {
            let value = second()
            results.withLock { $0.1 = value }
        }
    }
    // Each closure ran exactly once before `concurrentPerform` returned.
    let (one, two) = results.withLock { $0 }
    return (one.unsafelyUnwrapped, two.unsafelyUnwrapped)
}
