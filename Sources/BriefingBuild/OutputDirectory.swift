import BriefingCore
import Foundation

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
            throw BuildError.output(path: root.path, "cannot create the output folder: \(error.localizedDescription)")
        }
    }

    /// Writes every file whose bytes differ from what is on disk, each atomically.
    func write(_ files: [OutputFile]) throws(BuildError) -> [Written] {
        if let escaping = files.first(where: { !$0.isContained }) {
            throw BuildError.output(path: escaping.path, "refusing to write outside the output folder")
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
        let url = root.appendingPathComponent(file.path)
        if let existing = FileManager.default.contents(atPath: url.path), existing.elementsEqual(file.bytes),
           let stamp = FileStamp(path: url.path) {
            return .success(Written(path: file.path, changed: false, stamp: stamp))
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Write beside the target and rename over it, so a reader (or a killed build) never sees half a file.
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).briefing-tmp")
            try Data(file.bytes).write(to: temporary)
            guard rename(temporary.path, url.path) == 0, let stamp = FileStamp(path: url.path) else {
                throw CocoaError(.fileWriteUnknown)
            }
            return .success(Written(path: file.path, changed: true, stamp: stamp))
        } catch {
            return .failure(.output(path: file.path, "cannot write: \(error.localizedDescription)"))
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
