import Foundation

/// Lists the regular files under a folder with `readdir`, skipping hidden entries.
///
/// Foundation's directory enumerator builds an object per entry; on a no-op build of a large site
/// the walk was a fifth of the time.
public enum FolderWalk {
    /// Paths relative to `root`, unsorted.
    public static func files(under root: String) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): pending.append(path)
                case Int32(DT_REG): found.append(path)
                default:
                    // Some file systems do not fill in the type: ask lstat, which like readdir's type does
                    // not follow links (a linked folder could lead back up the tree).
                    var info = stat()
                    if lstat(root + "/" + path, &info) == 0 {
                        if (info.st_mode & S_IFMT) == S_IFDIR { pending.append(path) } else if (info.st_mode & S_IFMT) == S_IFREG { found.append(path) }
                    }
                }
            }
        }
        return found
    }
}
