import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the watcher as soon as something changes in the folders a build reads, through Linux's inotify, so an
/// edit is built at once instead of at the next poll (on a site of ten thousand briefs the poll waited over half
/// a second, to keep an idle server cheap). Only a wake-up call: the watcher still compares snapshots to learn
/// what changed, and still polls, rarely, where inotify is missing or misses something.
final class FileEvents: Sendable {
    private let descriptor: Int32
    /// A pipe whose write end interrupts a wait: a cancelled server must not wait out a poll.
    private let interruption: (read: Int32, write: Int32)
    /// Each watch's folder, so a folder created in one is watched at once.
    private let folders = Mutex<[Int32: String]>([:])

    /// Nil where inotify is unavailable.
    init?() {
        #if canImport(Glibc)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(descriptor)
            return nil
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        self.descriptor = descriptor
        interruption = (ends[0], ends[1])
        #else
        return nil
        #endif
    }

    deinit {
        #if canImport(Glibc)
        close(descriptor)
        close(interruption.read)
        close(interruption.write)
        #endif
    }

    /// Waits, off the cooperative pool, until something changes, `timeout` passes or the task is cancelled;
    /// true when something changed.
    func wait(upTo timeout: Duration) async -> Bool {
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                Thread.detachNewThread { [self] in continuation.resume(returning: poll(milliseconds)) }
            }
        } onCancel: {
            interrupt()
        }
    }

    /// Watches `folders` (their entries, not what is below them); a folder already watched keeps its watch.
    func watch(_ folders: [String]) {
        #if canImport(Glibc)
        for folder in folders {
            let watch = inotify_add_watch(descriptor, folder, FileEvents.mask)
            if watch >= 0 { self.folders.withLock { $0[watch] = folder } }
        }
        #endif
    }

    #if canImport(Glibc)
    private static let mask = UInt32(IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB)
    #endif

    private func interrupt() {
        #if canImport(Glibc)
        var byte: UInt8 = 1
        _ = write(interruption.write, &byte, 1)
        #endif
    }

    private func poll(_ milliseconds: Int32) -> Bool {
        #if canImport(Glibc)
        var requests = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: interruption.read, events: Int16(POLLIN), revents: 0)]
        guard Glibc.poll(&requests, 2, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while buffer.withUnsafeMutableBytes({ read(interruption.read, $0.baseAddress, $0.count) }) > 0 {}
        var changed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            changed = true
            watchCreatedFolders(in: buffer[..<count])
        }
        return changed
        #else
        return false
        #endif
    }

    /// Watches each folder the events say was created or moved in, before files appear in it.
    private func watchCreatedFolders(in events: ArraySlice<UInt8>) {
        #if canImport(Glibc)
        var offset = events.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= events.endIndex {
            let (watch, mask, length) = events.withUnsafeBytes { raw in
                let at = offset - events.startIndex
                return (raw.loadUnaligned(fromByteOffset: at, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: at + 12, as: UInt32.self)))
            }
            let name = events[(offset + header)..<min(offset + header + length, events.endIndex)].prefix { $0 != 0 }
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = folders.withLock({ $0[watch] }) {
                self.watch([parent + "/" + String(decoding: name, as: UTF8.self)])
            }
            offset += header + length
        }
        #endif
    }
}
