import BriefingCore
import Foundation
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

    /// Writes every file whose bytes differ from what is on disk, each atomically.
    func write(_ files: [OutputFile]) throws(BuildError) -> [Written] {
        if let escaping = files.first(where: { !$0.isContained }) {
            throw BuildError.output(path: escaping.path, "refusing to write outside the output folder — this is a bug in briefing; please report it")
        }
        // Folders first, each once: creating them per file was most of the cost of writing a site.
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }.sorted()
        for folder in folders {
            do {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                throw BuildError.output(path: folder, "cannot create the folder: \(error.localizedDescription) — check that the output folder is writable and no file has this folder's name")
            }
        }
        var written: [Written] = []
        for result in files.parallelMap(jobs: jobs, write) {
            switch result {
            case .success(let file): written.append(file)
            case .failure(let error): throw error
            }
        }
        return written
    }

    private func write(_ file: OutputFile) -> Result<Written, BuildError> {
        let path = root.appendingPathComponent(file.path).path
        // Early cutoff: a file of the same size is read and compared; a different size cannot be equal.
        if let stamp = FileStamp(path: path), stamp.size == file.bytes.count,
           let existing = FileManager.default.contents(atPath: path), existing.elementsEqual(file.bytes) {
            return .success(Written(path: file.path, changed: false, stamp: stamp))
        }
        // Write beside the target and rename over it, so a reader (or a killed build) never sees half a file.
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (path as NSString).lastPathComponent + ".briefing-tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
        close(descriptor)
        guard complete, rename(temporary, path) == 0, let stamp = FileStamp(path: path) else {
            unlink(temporary)
            return .failure(.output(path: file.path, "cannot write: \(String(cString: strerror(errno)))"))
        }
        return .success(Written(path: file.path, changed: true, stamp: stamp))
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
