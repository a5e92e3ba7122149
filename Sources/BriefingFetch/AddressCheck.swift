import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which addresses a feed may not lead the fetcher to: loopback, private, link-local and unique-local
/// networks, where internal services live that must never be pulled into a public portal.
public enum AddressCheck {
    /// An IPv4 (4 bytes) or IPv6 (16 bytes) address.
    public typealias Address = [UInt8]

    /// The addresses `host` resolves to (an IP literal is itself); empty when it does not resolve.
    public static func resolve(_ host: String) -> [Address] {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [Address] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            if let socket = info.pointee.ai_addr {
                if info.pointee.ai_family == AF_INET {
                    let address = socket.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                    addresses.append(withUnsafeBytes(of: address) { Array($0) })
                } else if info.pointee.ai_family == AF_INET6 {
                    let address = socket.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                    addresses.append(withUnsafeBytes(of: address) { Array($0) })
                }
            }
            entry = info.pointee.ai_next
        }
        return addresses
    }

    /// True for 127.0.0.0/8, 10/8, 172.16/12, 192.168/16, 169.254/16, 0/8 and their IPv4-mapped IPv6
    /// forms, and ::1, ::, fc00::/7, fe80::/10.
    public static func isInternal(_ address: Address) -> Bool {
        if address.count == 4 {
            let (a, b) = (address[0], address[1])
            return a == 127 || a == 10 || a == 0 || (a == 172 && (16...31).contains(b)) || (a == 192 && b == 168)
                || (a == 169 && b == 254)
        }
        guard address.count == 16 else { return true }
        if address[0..<10].allSatisfy({ $0 == 0 }) && address[10] == 0xff && address[11] == 0xff {
            return isInternal(Array(address[12..<16]))
        }
        if address[0..<15].allSatisfy({ $0 == 0 }) && (address[15] == 1 || address[15] == 0) { return true }
        if address[0] & 0xfe == 0xfc { return true }
        return address[0] == 0xfe && address[1] & 0xc0 == 0x80
    }

    /// An address as people write it: `127.0.0.1`, `::1`.
    public static func text(_ address: Address) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = address.count == 4 ? AF_INET : AF_INET6
        let written = address.withUnsafeBytes { bytes in inet_ntop(family, bytes.baseAddress, &buffer, socklen_t(buffer.count)) }
        guard written != nil else { return address.map(String.init).joined(separator: ".") }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
