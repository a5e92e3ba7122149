import Foundation
import Synchronization

/// What a long-running caller (`serve`) keeps between builds so that the next one need not read it back from
/// `.briefing/`: the manifest and the parse cache as the last build left them, each with its file's stamp then.
///
/// Only a shortcut: each is used only while its file still has that stamp, so a `briefing build` run beside the
/// server (or a deleted `.briefing/`) sends the next build back to the disk.
public final class BuildMemory: Sendable {
    /// One value and the stamp its file had when it was kept.
    final class Slot<Value: Sendable>: Sendable {
        private let kept = Mutex<(value: Value, stamp: FileStamp)?>(nil)
        /// How many times a build took the value rather than read its file.
        let reuses = Atomic<Int>(0)

        /// The value kept, if its file at `url` is still as it was then.
        func value(at url: URL) -> Value? {
            let stamp = FileStamp(path: url.path)
            let value = kept.withLock { kept in kept.flatMap { $0.stamp == stamp ? $0.value : nil } }
            if value != nil { reuses.add(1, ordering: .relaxed) }
            return value
        }

        func remember(_ value: Value, at url: URL) {
            let stamped = FileStamp(path: url.path).map { (value: value, stamp: $0) }
            kept.withLock { $0 = stamped }
        }

        /// Drops the value: the next build reads the file.
        func forget() {
            kept.withLock { $0 = nil }
        }
    }

    let manifest = Slot<BuildManifest>()
    let cache = Slot<ContentCache>()

    public init() {}

    /// How many times a build took something from here rather than from the disk.
    var reuses: Int { manifest.reuses.load(ordering: .relaxed) + cache.reuses.load(ordering: .relaxed) }
}
