import Foundation
import Synchronization

/// What a long-running caller (`serve`) keeps between builds so that the next one need not read it back from
/// `.briefing/`: the manifest and the parse cache as the last build left them, each with its file's stamp then.
///
/// Only a shortcut: each is used only while its file still has that stamp, so a `briefing build` run beside the
/// server (or a deleted `.briefing/`) sends the next build back to the disk.
public final class BuildMemory: Sendable {
    private struct Kept<Value: Sendable>: Sendable {
        var value: Value
        var stamp: FileStamp
    }

    private let manifest = Mutex<Kept<BuildManifest>?>(nil)
    private let cache = Mutex<Kept<ContentCache>?>(nil)
    /// How many times a build took something from here rather than from the disk.
    let reuses = Atomic<Int>(0)

    public init() {}

    /// The manifest the last build saved, if its file at `url` is still as that build left it.
    func manifest(at url: URL) -> BuildManifest? {
        let stamp = FileStamp(path: url.path)
        return counted(manifest.withLock { kept in kept.flatMap { $0.stamp == stamp ? $0.value : nil } })
    }

    func remember(_ value: BuildManifest, at url: URL) {
        let kept = FileStamp(path: url.path).map { Kept(value: value, stamp: $0) }
        manifest.withLock { $0 = kept }
    }

    /// The parse cache the last build stored, if its file at `url` is still as that build left it.
    func cache(at url: URL) -> ContentCache? {
        let stamp = FileStamp(path: url.path)
        return counted(cache.withLock { kept in kept.flatMap { $0.stamp == stamp ? $0.value : nil } })
    }

    func remember(_ value: ContentCache, at url: URL) {
        let kept = FileStamp(path: url.path).map { Kept(value: value, stamp: $0) }
        cache.withLock { $0 = kept }
    }

    private func counted<Value>(_ value: Value?) -> Value? {
        if value != nil { reuses.add(1, ordering: .relaxed) }
        return value
    }
}
