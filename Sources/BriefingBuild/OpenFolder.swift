import Foundation

/// A folder held open, so that files below it are found from it rather than from `/`: stamping every output
/// of a large site spent more time walking the output folder's own path than in the files' own names.
final class OpenFolder: Sendable {
    let descriptor: Int32

    /// Nil when the folder cannot be opened (it may not exist yet).
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The stamp of the regular file at `path`, relative to this folder.
    func stamp(of path: String) -> FileStamp? { FileStamp(path: path, in: descriptor) }
}
