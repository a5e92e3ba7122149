/// Per-call time of closures, measured in interleaved batches after a warm-up: a noisy neighbour on a
/// shared machine then slows every contender alike, and the median batch of each is its figure.
struct Timing {
    /// Microseconds per call, one value per batch, sorted.
    let batches: [Double]
    /// Sum of what the closure returned, printed so the optimiser cannot drop the work.
    let checksum: Int

    var median: Double { batches[batches.count / 2] }

    /// One closure with the number of calls per batch it gets.
    struct Contender {
        let callsPerBatch: Int
        let body: () -> Int
    }

    static func measure(_ contenders: [Contender], batches: Int) -> [Timing] {
        var checksums = Array(repeating: 0, count: contenders.count)
        var perCall = Array(repeating: [Double](), count: contenders.count)
        for (index, contender) in contenders.enumerated() {
            for _ in 0..<max(10, contender.callsPerBatch / 5) { checksums[index] &+= contender.body() }
        }
        let clock = ContinuousClock()
        for _ in 0..<batches {
            for (index, contender) in contenders.enumerated() {
                var checksum = 0
                let elapsed = clock.measure {
                    for _ in 0..<contender.callsPerBatch { checksum &+= contender.body() }
                }
                checksums[index] &+= checksum
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                perCall[index].append(seconds * 1e6 / Double(contender.callsPerBatch))
            }
        }
        return contenders.indices.map { Timing(batches: perCall[$0].sorted(), checksum: checksums[$0]) }
    }

    static func measure(callsPerBatch: Int, batches: Int, _ body: @escaping () -> Int) -> Timing {
        measure([Contender(callsPerBatch: callsPerBatch, body: body)], batches: batches)[0]
    }

    func report(_ label: String) -> String {
        let min = Self.format(batches[0], digits: 1)
        let max = Self.format(batches[batches.count - 1], digits: 1)
        return "\(label): median \(Self.format(median, digits: 1)) µs/render "
            + "(min \(min), max \(max), \(batches.count) batches; checksum \(checksum))"
    }

    static func format(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return "\((value * scale).rounded() / scale)"
    }
}
