#if canImport(Glibc)
import Glibc
#endif

/// Has glibc's allocator grow each heap in large steps, and keep them, in a process that builds.
///
/// By default every thread's heap grows and shrinks a few pages at a time, each step an `mprotect` call (which
/// makes every other core flush its view of the mappings): an edit build at 10,000 briefs made over 11,000 of
/// them. With each step padded by 64 MB it makes about 70; padding reserves address space, and a page is resident
/// only once it is used.
public enum HeapPadding {
    public static func apply() {
        #if canImport(Glibc)
        // <malloc.h> is not part of Swift's Glibc module: the function is looked up by name.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let topPad: Int32 = -2  // M_TOP_PAD
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(topPad, 64 << 20)
        #endif
    }
}
