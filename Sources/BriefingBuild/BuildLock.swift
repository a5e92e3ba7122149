import Foundation

/// Keeps two builds from writing the same files at once: the second waits for the first.
final class BuildLock {
    private let descriptor: Int32

    /// Locks a lock file, creating it (and its folder) if needed.
    convenience init(file: URL, waiting: () -> Void) throws(BuildError) {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try self.init(path: file.path, flags: O_RDWR | O_CREAT | O_CLOEXEC, waiting: waiting)
    }

    /// Locks a folder itself, creating it if needed.
    convenience init(folder: URL, waiting: () -> Void) throws(BuildError) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try self.init(path: folder.path, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC, waiting: waiting)
    }

    private init(path: String, flags: Int32, waiting: () -> Void) throws(BuildError) {
        descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else {
            throw BuildError.output(path: path, "cannot take the build lock — check that the folder is writable")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            guard flock(descriptor, LOCK_EX) == 0 else {
                close(descriptor)
                throw BuildError.output(path: path, "cannot take the build lock — check that the folder is on a local disk that supports file locks")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
