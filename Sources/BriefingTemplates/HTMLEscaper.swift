/// Escapes `& < > " '` for HTML while copying UTF-8 bytes. Text that needs no escaping (most of it) is
/// checked 8 bytes at a time and copied in runs, never byte by byte.
public enum HTMLEscaper {
    /// Bit `b` is set for each ASCII byte `b` that must be escaped: `"` 0x22, `&` 0x26, `'` 0x27, `<` 0x3C, `>` 0x3E.
    private static let escapedMask: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    @inline(__always)
    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 64 && escapedMask & (1 << UInt64(byte)) != 0
    }

    /// Whether any of 8 bytes (read as one integer) must be escaped, without a branch per byte.
    /// `| 0x01` folds `&` into `'` and `| 0x02` folds `<` into `>`, so three byte comparisons cover the
    /// five characters; each comparison is the classic "has a zero byte" test on `bytes ^ target`.
    @inline(__always)
    static func needsEscaping(_ bytes: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highBits != 0 }
        return hasZeroByte(bytes ^ (ones &* 0x22))
            || hasZeroByte((bytes | ones) ^ (ones &* 0x27))
            || hasZeroByte((bytes | (ones &* 0x02)) ^ (ones &* 0x3E))
    }

    /// `text` with `& < > " '` escaped, for the few places outside templates that write HTML.
    public static func escape(_ text: String) -> String {
        var output = OutputBuffer(capacity: text.utf8.count + 16)
        write(text, to: &output)
        return String(decoding: output.finish(), as: UTF8.self)
    }

    static func write(_ string: String, to output: inout OutputBuffer) {
        var string = string
        // Native Swift strings are UTF-8 already; `withUTF8` only copies the rare bridged one.
        string.withUTF8 { write($0, to: &output) }
    }

    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout OutputBuffer) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            if index + 8 <= count, !needsEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let chunkEnd = min(index + 8, count)
            while index < chunkEnd {
                let byte = base[index]
                if needsEscaping(byte) {
                    if runStart < index { output.write(base + runStart, count: index - runStart) }
                    writeEntity(for: byte, to: &output)
                    runStart = index + 1
                }
                index += 1
            }
        }
        if runStart < count { output.write(base + runStart, count: count - runStart) }
    }

    private static func writeEntity(for byte: UInt8, to output: inout OutputBuffer) {
        switch byte {
        case UInt8(ascii: "&"): output.write(ascii: "&amp;")
        case UInt8(ascii: "<"): output.write(ascii: "&lt;")
        case UInt8(ascii: ">"): output.write(ascii: "&gt;")
        case UInt8(ascii: "\""): output.write(ascii: "&quot;")
        default: output.write(ascii: "&#39;")
        }
    }
}
