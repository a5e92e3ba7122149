/// The bytes a render produces. It owns its memory directly, because a render makes thousands of small
/// writes and `Array.append(contentsOf:)` costs more per call than the copy itself. Non-copyable, so the
/// memory has exactly one owner and is freed once.
struct OutputBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        self.base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, as an array.
    consuming func finish() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    @inline(__always)
    mutating func write(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard let source = chunk.baseAddress else { return }
        write(source, count: chunk.count)
    }

    @inline(__always)
    mutating func write(_ source: UnsafePointer<UInt8>, count length: Int) {
        if count + length > capacity { grow(toHold: count + length) }
        (base + count).initialize(from: source, count: length)
        count += length
    }

    @inline(__always)
    mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    @inline(__always)
    mutating func write(byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func write(ascii text: StaticString) {
        write(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    mutating func write(_ string: String) {
        var string = string
        // Native Swift strings are UTF-8 already; `withUTF8` only copies the rare bridged one.
        string.withUTF8 { write($0) }
    }

    /// Decimal digits, without going through `String`.
    mutating func write(_ number: Int) {
        var magnitude = number.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var index = digits.count
            repeat {
                index -= 1
                digits[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if number < 0 {
                index -= 1
                digits[index] = UInt8(ascii: "-")
            }
            write(UnsafeBufferPointer(rebasing: digits[index...]))
        }
    }

    /// Whole numbers print as integers ("3", not "3.0"), others in Swift's shortest round-trip form ("1.21").
    mutating func write(_ number: Double) {
        if number.isFinite, number.rounded() == number, number.magnitude < 1e15 {
            write(Int(number))
        } else {
            write(number.description)
        }
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
