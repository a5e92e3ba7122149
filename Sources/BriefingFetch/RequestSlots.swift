/// Admits at most `total` requests at once, and at most `perHost` to any one host; the rest wait in order.
actor RequestSlots {
    let total: Int
    let perHost: Int
    private var inFlight = 0
    private var byHost: [String: Int] = [:]
    private var waiting: [(host: String, resume: CheckedContinuation<Void, Never>)] = []

    init(total: Int, perHost: Int) {
        self.total = max(total, 1)
        self.perHost = max(perHost, 1)
    }

    func acquire(host: String) async {
        if canStart(host) {
            take(host)
            return
        }
        await withCheckedContinuation { waiting.append((host, $0)) }
    }

    func release(host: String) {
        inFlight -= 1
        byHost[host, default: 1] -= 1
        var index = 0
        while index < waiting.count {
            let next = waiting[index]
            if canStart(next.host) {
                take(next.host)
                waiting.remove(at: index)
                next.resume.resume()
            } else {
                index += 1
            }
        }
    }

    private func canStart(_ host: String) -> Bool { inFlight < total && byHost[host, default: 0] < perHost }

    private func take(_ host: String) {
        inFlight += 1
        byHost[host, default: 0] += 1
    }
}
