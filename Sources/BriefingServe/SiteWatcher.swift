import BriefingBuild
import Foundation

/// Notices changes to the files a build reads (briefing.yml, content/, templates/, static/) by polling
/// their sizes and modification times: portable, and cheap next to a build even for a large site. Where
/// inotify is available (`FileEvents`) a change wakes it at once rather than at the next poll.
struct SiteWatcher: Sendable {
    /// Relative path → stamp of every input.
    typealias Snapshot = [String: FileStamp]

    let site: URL
    var interval: Duration = .milliseconds(250)
    /// How long the files must stay still before a change counts: an editor's save or a `git checkout`
    /// touches many files in a burst, and one build should follow it, not one per file.
    var quiet: Duration = .milliseconds(120)
    /// A file written without pause (a log, say) must not hold builds back for ever.
    var longestBurst: Duration = .seconds(2)

    /// The folders whose entries are inputs, or may become inputs: the site's own, content/, templates/ and
    /// static/, and every folder holding a file of `snapshot`. Taken from the snapshot, not from the disk: listing
    /// ten thousand files again after every edit cost more than the wait it saves.
    func folders(of snapshot: Snapshot) -> [String] {
        var folders: Set<String> = ["", "content", "templates", "static"]
        for path in snapshot.keys {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        return folders.sorted().map { $0.isEmpty ? site.path : site.path + "/" + $0 }
    }

    func snapshot() -> Snapshot {
        // On the calling thread: the watcher runs in the server's task, and fanning out to Dispatch from there
        // could wait on workers that a build holds.
        Snapshot(SiteInputs.stamps(site: site, jobs: 1), uniquingKeysWith: { first, _ in first })
    }

    /// The paths added, changed or removed between two snapshots, sorted.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }

    /// Waits until the inputs differ from `baseline` and then stay still; returns the new snapshot and
    /// what changed. Throws only when the task is cancelled.
    func nextChange(after baseline: Snapshot, events: FileEvents? = nil) async throws -> (snapshot: Snapshot, changed: [String]) {
        let clock = ContinuousClock()
        var scanTime = Duration.zero
        func scan() -> Snapshot {
            let start = clock.now
            defer { scanTime = clock.now - start }
            return snapshot()
        }
        var current = baseline
        events?.watch(folders(of: baseline))
        while current == baseline {
            if let events {
                // Events wake it; the poll stays, rarely, for what inotify can miss (a full queue, a network disk).
                _ = await events.wait(upTo: max(Self.pause(interval, scanTime: scanTime), Self.pollWithEvents))
                try Task.checkCancellation()
            } else {
                try await Task.sleep(for: Self.pause(interval, scanTime: scanTime))
            }
            current = scan()
        }
        events?.watch(folders(of: current))
        let burstStart = clock.now
        while clock.now - burstStart < longestBurst {
            if let events {
                // Still settling while events keep coming; a quiet spell with none ends the burst.
                if await events.wait(upTo: quiet) {
                    try Task.checkCancellation()
                    current = scan()
                    events.watch(folders(of: current))
                    continue
                }
                try Task.checkCancellation()
                break
            } else {
                try await Task.sleep(for: Self.pause(quiet, scanTime: scanTime))
            }
            let next = scan()
            if next == current { break }
            current = next
        }
        return (current, Self.changes(from: baseline, to: current))
    }

    /// How often it scans anyway when inotify wakes it on changes.
    static let pollWithEvents = Duration.seconds(5)

    /// Scanning a site of ten thousand briefs takes tens of milliseconds: waiting nine times as long as
    /// the last scan keeps an idle server below a tenth of a core however large the site.
    static func pause(_ wanted: Duration, scanTime: Duration) -> Duration {
        max(wanted, scanTime * 9)
    }
}
