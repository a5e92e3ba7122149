import Foundation

/// Keeps two builds of one site from writing at once: the second waits for the first.
final class BuildLock {
    private let descriptor: Int32

    /// Takes the lock, calling `waiting` once if another build holds it.
    init(folder: URL, waiting: () -> Void) throws(BuildError) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BuildError.output(path: path, "cannot create the build lock; check that the site folder is writable")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            guard flock(descriptor, LOCK_EX) == 0 else {
                close(descriptor)
                throw BuildError.output(path: path, "cannot take the build lock")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
