import BriefingCore
import Foundation

/// The folder the site is written to (`public/`), owned by the build: files no page produces are removed.
struct OutputDirectory: Sendable {
    let root: URL
    let jobs: Int

    /// What writing changed.
    struct Changes: Sendable {
        var written = 0
        var unchanged = 0
        var removed = 0
    }

    /// Makes the folder hold exactly `files`: writes those whose bytes differ, each atomically, then removes the rest.
    func replaceContents(with files: [OutputFile]) throws(BuildError) -> Changes {
        if let escaping = files.first(where: { !$0.isContained }) {
            throw BuildError.output(path: escaping.path, "refusing to write outside the output folder")
        }
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw BuildError.output(path: root.path, "cannot create the output folder: \(error.localizedDescription)")
        }
        let results: [Result<Bool, BuildError>] = files.parallelMap(jobs: jobs) { file in
            write(file)
        }
        var changes = Changes()
        for result in results {
            switch result {
            case .success(true): changes.written += 1
            case .success(false): changes.unchanged += 1
            case .failure(let error): throw error
            }
        }
        changes.removed = removeFiles(notIn: Set(files.map(\.path)))
        return changes
    }

    /// Writes one file unless it already holds these bytes; returns whether it wrote.
    private func write(_ file: OutputFile) -> Result<Bool, BuildError> {
        let url = root.appendingPathComponent(file.path)
        if let existing = FileManager.default.contents(atPath: url.path), existing.elementsEqual(file.bytes) {
            return .success(false)
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Write beside the target and rename over it, so a reader (or a killed build) never sees half a file.
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).briefing-tmp")
            try Data(file.bytes).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown)
            }
            return .success(true)
        } catch {
            return .failure(.output(path: file.path, "cannot write: \(error.localizedDescription)"))
        }
    }

    /// Deletes every file not in `keep`, then any folder left empty. Returns the number of files removed.
    private func removeFiles(notIn keep: Set<String>) -> Int {
        let manager = FileManager.default
        let all = (manager.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
        var removed = 0
        var folders: [String] = []
        for relative in all {
            var isDirectory: ObjCBool = false
            let path = root.appendingPathComponent(relative).path
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                folders.append(path)
            } else if !keep.contains(relative), (try? manager.removeItem(atPath: path)) != nil {
                removed += 1
            }
        }
        for folder in folders.reversed() where (try? manager.contentsOfDirectory(atPath: folder))?.isEmpty == true {
            try? manager.removeItem(atPath: folder)
        }
        return removed
    }
}
