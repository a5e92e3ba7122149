import Foundation

/// A file's size and modification time: a cheap way to know a file is unchanged without reading it.
///
/// Only ever a shortcut: when the stamp differs the file is hashed, so a touch or a checkout that
/// leaves the bytes alone still causes no work.
public struct FileStamp: Hashable, Sendable {
    public var size: Int
    /// Nanoseconds since 1970.
    public var modified: Int

    /// The stamp of a regular file, or nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    }

    /// The stamp of a regular file at `path` relative to the open folder `folder` (see `OpenFolder`).
    init?(path: String, in folder: Int32) {
        var info = stat()
        guard fstatat(folder, path, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    }

    /// The stamp of an open file: what a path's stamp will be once the file is renamed there (a rename keeps both).
    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    }

    public init(size: Int, modified: Int) {
        self.size = size
        self.modified = modified
    }
}
