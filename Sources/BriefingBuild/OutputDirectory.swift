import BriefingCore
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The folder the site is written to (`public/`), owned by the build: files no page produces are removed.
struct OutputDirectory: Sendable {
    let root: URL
    let jobs: Int

    /// The result of writing one file.
    struct Written: Sendable {
        var path: String
        /// False when the file already held these bytes (early cutoff).
        var changed: Bool
        var stamp: FileStamp
    }

    func prepare() throws(BuildError) {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw BuildError.output(path: root.path, "cannot create the output folder: \(error.localizedDescription) — check that its parent folder exists and is writable, or pick another with --output")
        }
    }

    /// How a build's files reach their paths.
    enum Placement: Sendable {
        /// Each file is written beside its target under a hidden name and renamed into place by `commit`, once every
        /// file was produced: a failed build leaves the folder as it was.
        case staged
        /// Straight to its path: for a folder that held nothing to protect (a clean build), where staging would cost
        /// a rename per file. A failed build removes what it wrote.
        case direct
        /// Every file produced in memory first, then each that changed overwritten where it is, without truncating
        /// it to nothing first: for the few files of an edit build. A rename over a file (and a truncation to zero)
        /// makes ext4 flush the new file at once (`auto_da_alloc`), which took most of the writing time of an edit
        /// that rewrote four hundred files. A build that fails to produce a file writes none; one killed while
        /// writing leaves its manifest marked, so the next compares every file. As with Hugo's writes, a server
        /// reading the folder meanwhile may send a file half-written.
        case inPlace

        /// How many files a build may hold in memory to write them in place; more are staged.
        static let inPlaceLimit = 2_048
    }

    /// One produced file, written but (when staged) not yet in place.
    struct Staged: Sendable {
        var path: String
        /// The hidden file holding its bytes until `commit`; nil when written in place or left unchanged.
        var temporary: String?
        var changed: Bool
        /// The file's stamp, as it will be in place.
        var stamp: FileStamp
    }

    /// Produces each task's bytes with `produce` and writes those that differ from what is on disk, one at a time as
    /// they are produced, so that a build never holds the whole site in memory. The first failure (in task order)
    /// is thrown after every written file is removed again.
    ///
    /// In place, every file is produced before any is written, and `beforeWritingInPlace` is called in between.
    func stage(
        _ tasks: [RenderWorklist.Task], placement: Placement,
        produce: @Sendable (RenderWorklist.Task) -> Result<OutputFile, BuildError>,
        progress: (@Sendable (Int, Int) -> Void)? = nil, beforeWritingInPlace: () -> Void = {}
    ) throws(BuildError) -> [Staged] {
        if let escaping = tasks.first(where: { !OutputFile(path: $0.path, bytes: []).isContained }) {
            throw BuildError.output(path: escaping.path, "refusing to write outside the output folder — this is a bug in briefing; please report it")
        }
        // Folders first, each once: creating them per file was most of the cost of writing a site.
        let folders = Set(tasks.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }.sorted()
        for folder in folders {
            do {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                throw BuildError.output(path: folder, "cannot create the folder: \(error.localizedDescription) — check that the output folder is writable and no file has this folder's name")
            }
        }
        let done = Atomic<Int>(0)
        let total = tasks.count
        @Sendable func produced(_ task: RenderWorklist.Task) -> Result<OutputFile, BuildError> {
            defer { if let progress { progress(done.add(1, ordering: .relaxed).newValue, total) } }
            return produce(task)
        }
        let results: [Result<Staged, BuildError>]
        if placement == .inPlace {
            let files = tasks.parallelMap(jobs: jobs, produced)
            if let failure = files.lazy.compactMap({ if case .failure(let error) = $0 { error } else { nil } }).first { throw failure }
            beforeWritingInPlace()
            results = files.parallelMap(jobs: jobs) { file in file.flatMap { write($0, placement: placement) } }
        } else {
            results = tasks.parallelMap(jobs: jobs) { produced($0).flatMap { write($0, placement: placement) } }
        }
        var staged: [Staged] = []
        staged.reserveCapacity(results.count)
        var failure: BuildError?
        for result in results {
            switch result {
            case .success(let file): staged.append(file)
            case .failure(let error): failure = failure ?? error
            }
        }
        if let failure {
            // A file overwritten in place is not removed: the marked manifest has the next build compare it.
            for file in staged where file.changed && placement != .inPlace { unlink(file.temporary ?? root.appendingPathComponent(file.path).path) }
            throw failure
        }
        return staged
    }

    /// Moves staged files into place. A failure here leaves the folder part old, part new.
    func commit(_ staged: [Staged]) throws(BuildError) -> [Written] {
        let root = root.path + "/"
        let results = staged.parallelMap(jobs: jobs) { file -> Result<Written, BuildError> in
            let path = root + file.path
            if let temporary = file.temporary, rename(temporary, path) != 0 {
                return .failure(.output(path: file.path, "cannot write: \(String(cString: strerror(errno)))"))
            }
            return .success(Written(path: file.path, changed: file.changed, stamp: file.stamp))
        }
        var written: [Written] = []
        written.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let file): written.append(file)
            case .failure(let error): throw error
            }
        }
        return written
    }

    private func write(_ file: OutputFile, placement: Placement) -> Result<Staged, BuildError> {
        let path = root.path + "/" + file.path
        // Early cutoff: a file of the same size is read and compared; a different size cannot be equal. A folder
        // that was empty (a clean build) holds nothing to compare with.
        if placement != .direct, let stamp = FileStamp(path: path), stamp.size == file.bytes.count,
           let existing = FileManager.default.contents(atPath: path), OutputDirectory.same(existing, file.bytes) {
            return .success(Staged(path: file.path, temporary: nil, changed: false, stamp: stamp))
        }
        // Staged files are written beside the target, so the rename stays on one file system and a reader (or a
        // killed build) never sees half a file.
        let slash = path.lastIndex(of: "/") ?? path.startIndex
        let target = placement == .staged ? path[...slash] + "." + path[path.index(after: slash)...] + ".briefing-tmp" : path
        // In place, the old bytes are overwritten and the rest cut off after writing (see `Placement.inPlace`).
        let descriptor = open(target, O_WRONLY | O_CREAT | O_CLOEXEC | (placement == .inPlace ? 0 : O_TRUNC), 0o644)
        guard descriptor >= 0 else { return .failure(.output(path: file.path, "cannot write: \(String(cString: strerror(errno)))")) }
        let complete = file.bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        let cut = complete && (placement != .inPlace || ftruncate(descriptor, off_t(file.bytes.count)) == 0)
        let stamp = cut ? FileStamp(descriptor: descriptor) : nil
        close(descriptor)
        guard cut, let stamp else {
            if placement != .inPlace { unlink(target) }
            return .failure(.output(path: file.path, "cannot write: \(String(cString: strerror(errno)))"))
        }
        return .success(Staged(path: file.path, temporary: placement == .staged ? target : nil, changed: true, stamp: stamp))
    }

    /// Whether a file's bytes are `bytes`: compared as memory, not byte by byte through `Data`'s iterator.
    private static func same(_ existing: Data, _ bytes: [UInt8]) -> Bool {
        existing.count == bytes.count && existing.withUnsafeBytes { old in
            bytes.withUnsafeBytes { new in
                guard let oldStart = old.baseAddress, let newStart = new.baseAddress else { return true }
                return memcmp(oldStart, newStart, old.count) == 0
            }
        }
    }

    /// Every file under the folder, relative to it.
    func existingFiles() -> [String] {
        let all = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        return all.filter { FileStamp(path: root.appendingPathComponent($0).path) != nil }
    }

    /// Deletes the files, then any folder they leave empty. Returns how many files were removed.
    func remove(_ paths: [String]) -> Int {
        var removed = 0
        var folders = Set<String>()
        for path in paths where OutputFile(path: path, bytes: []).isContained {
            if (try? FileManager.default.removeItem(at: root.appendingPathComponent(path))) != nil { removed += 1 }
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        // Deepest first, so a parent is checked after its children are gone.
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            let url = root.appendingPathComponent(folder)
            if (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: url)
            }
        }
        return removed
    }
}
