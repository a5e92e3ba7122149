import BriefingCore
import Foundation

/// Every file a build reads — configuration, content, templates, static files — with its content hash.
public struct SiteInputs: Sendable {
    static let folders = ["content", "templates", "static"]
    static let files = [SiteConfig.fileName]

    /// Relative path → stamp and hash.
    let files: [String: BuildManifest.Input]

    /// Stats every input; files whose stamp matches the last build keep their hash, the rest are read and hashed.
    static func scan(site: URL, previous: [String: BuildManifest.Input], jobs: Int) -> SiteInputs {
        scan(site: site, stamps: stamps(site: site, jobs: jobs), previous: previous, jobs: jobs)
    }

    /// Every input's path and stamp, unsorted.
    public static func stamps(site: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> [(path: String, stamp: FileStamp)] {
        guard let folder = OpenFolder(path: site.path) else { return [] }
        return paths(site: site).parallelMap(jobs: jobs) { path in folder.stamp(of: path).map { (path, $0) } }.compactMap { $0 }
    }

    /// The inputs `stamps` found: those whose stamp matches the last build keep their hash, the rest are read and hashed.
    static func scan(site: URL, stamps: [(path: String, stamp: FileStamp)], previous: [String: BuildManifest.Input], jobs: Int) -> SiteInputs {
        let root = site.path + "/"
        let scanned: [(String, BuildManifest.Input)?] = stamps.parallelMap(jobs: jobs) { path, stamp in
            if let known = previous[path], known.stamp == stamp { return (path, known) }
            guard let data = FileManager.default.contents(atPath: root + path) else { return nil }
            return (path, BuildManifest.Input(stamp: stamp, hash: Fingerprint.of(data)))
        }
        return SiteInputs(files: Dictionary(scanned.compactMap { $0 }, uniquingKeysWith: { first, _ in first }))
    }

    /// The site-relative path of every file a build of `site` reads, unsorted; what a watcher must watch.
    public static func paths(site: URL) -> [String] {
        var paths = SiteInputs.files.filter { FileStamp(path: site.appendingPathComponent($0).path) != nil }
        for folder in folders {
            paths += FolderWalk.files(under: site.appendingPathComponent(folder).path).map { folder + "/" + $0 }
        }
        return paths
    }

    /// Of the inputs the build read after scanning them, those whose stamp is no longer the one scanned:
    /// edited while the build read them.
    func changedSinceScan(_ read: [String], site: URL, jobs: Int) -> Set<String> {
        let root = site.path + "/"
        let changed = read.parallelMap(jobs: jobs) { path in FileStamp(path: root + path) == files[path]?.stamp ? nil : path }
        return Set(changed.compactMap { $0 })
    }

    /// The same inputs with `paths` recorded as unknown, so the next build reads them again and cannot
    /// mistake them for unchanged: what this build made of them may mix two versions.
    func forgetting(_ paths: Set<String>) -> SiteInputs {
        guard !paths.isEmpty else { return self }
        var files = self.files
        for path in paths { files[path] = BuildManifest.Input(stamp: FileStamp(size: -1, modified: 0), hash: Fingerprint.of([])) }
        return SiteInputs(files: files)
    }

    /// One digest over every input's path and stamp, in any order. Equal to the last build's, the inputs are
    /// almost surely as that build left them: a build guesses so before its manifest is loaded (`SiteBuilder.build`).
    static func stampsDigest(_ stamps: [(path: String, stamp: FileStamp)]) -> Fingerprint {
        var hasher = FingerprintHasher()
        for (path, stamp) in stamps.sorted(by: { $0.path < $1.path }) {
            hasher.add(path)
            hasher.add("\(stamp.size) \(stamp.modified)")
        }
        return hasher.finish()
    }

    /// `stampsDigest` of these inputs.
    var stampsDigest: Fingerprint { SiteInputs.stampsDigest(files.map { ($0.key, $0.value.stamp) }) }

    /// One digest over every input's path and hash, and the build's options.
    func digest(options: Fingerprint) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(options)
        for (path, input) in files.sorted(by: { $0.key < $1.key }) {
            hasher.add(path)
            hasher.add(input.hash)
        }
        return hasher.finish()
    }
}
