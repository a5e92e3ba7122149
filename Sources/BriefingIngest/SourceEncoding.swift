/// Brings a source's bytes to the encoding its parsers read (UTF-8, or an XML encoding libxml2 decodes as
/// browsers do) before anything looks at them.
///
/// - UTF-16, big- or little-endian, with a byte-order mark (or an XML declaration that shows it), becomes
///   UTF-8; an XML declaration's `encoding` is rewritten to match. Every XML processor must read UTF-16.
/// - XML labelled ISO-8859-1 (or Latin-1, US-ASCII) is decoded as windows-1252, as browsers and feedparser
///   do, into UTF-8: such feeds are almost always windows-1252, and their `\x92` is an apostrophe, not a C1 control.
/// - In UTF-8, C1 controls (U+0080–U+009F), the trace of that same mislabelling further upstream, become the
///   windows-1252 characters they stood for.
enum SourceEncoding {
    static func normalised(_ bytes: [UInt8]) -> [UInt8] {
        if let utf8 = fromUTF16(bytes) { return mappingC1Controls(utf8) }
        if isLabelledLatin1(bytes) { return fromWindows1252(bytes) }
        return mappingC1Controls(bytes)
    }

    /// UTF-8 for UTF-16 input, nil for anything else.
    static func fromUTF16(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let bigEndian: Bool
        var start = 0
        switch (bytes[0], bytes[1]) {
        case (0xFE, 0xFF): bigEndian = true; start = 2
        case (0xFF, 0xFE): bigEndian = false; start = 2
        // `<?` without a byte-order mark: XML 1.0's appendix F.
        case (0x00, 0x3C) where bytes.count >= 4 && bytes[2] == 0x00 && bytes[3] == 0x3F: bigEndian = true
        case (0x3C, 0x00) where bytes.count >= 4 && bytes[2] == 0x3F && bytes[3] == 0x00: bigEndian = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var index = start
        while index + 1 < bytes.count {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        // Unpaired surrogates become U+FFFD, as invalid UTF-8 does.
        let text = String(decoding: units, as: UTF16.self)
        return Array(declaringUTF8(text).utf8)
    }

    /// The text with its XML declaration's encoding, if it names one, changed to UTF-8.
    private static func declaringUTF8(_ text: String) -> String {
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>"),
              let key = text[..<end.lowerBound].range(of: "encoding") else { return text }
        let afterKey = text[key.upperBound..<end.lowerBound]
        guard let open = afterKey.firstIndex(where: { $0 == "\"" || $0 == "'" }),
              let close = afterKey[afterKey.index(after: open)...].firstIndex(of: afterKey[open]) else { return text }
        return String(text[..<afterKey.index(after: open)]) + "UTF-8" + String(text[close...])
    }

    /// Whether the XML declaration says ISO-8859-1, Latin-1 or US-ASCII.
    static func isLabelledLatin1(_ bytes: [UInt8]) -> Bool {
        // The declaration is ASCII: lower-case it byte for byte.
        let prolog = bytes.prefix(200).map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        guard prolog.starts(with: Array("<?xml".utf8)), let close = find(Array("?>".utf8), in: prolog),
              let key = find(Array("encoding".utf8), in: Array(prolog[..<close])) else { return false }
        var start = key + 8
        while start < close, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "=")].contains(prolog[start]) { start += 1 }
        guard start < close, prolog[start] == UInt8(ascii: "\"") || prolog[start] == UInt8(ascii: "'") else { return false }
        let quote = prolog[start]
        start += 1
        guard let end = prolog[start..<close].firstIndex(of: quote) else { return false }
        let value = String(decoding: prolog[start..<end], as: UTF8.self)
        return ["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "iso-ir-100", "cp819"]
            .contains(value)
    }

    /// UTF-8 for windows-1252 bytes (WHATWG's table: the five bytes it leaves undefined stay C1 controls),
    /// with the XML declaration saying so.
    static func fromWindows1252(_ bytes: [UInt8]) -> [UInt8] {
        var text = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252[Int(byte - 0x80)] : UInt32(byte)
            text.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return Array(declaringUTF8(String(text)).utf8)
    }

    /// UTF-8 with each C1 control (C2 80–C2 9F) replaced by the windows-1252 character of that byte.
    static func mappingC1Controls(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.indices.dropLast().contains(where: { bytes[$0] == 0xC2 && (0x80...0x9F).contains(bytes[$0 + 1]) }) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                let scalar = windows1252[Int(bytes[index + 1] - 0x80)]
                output += Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
                index += 2
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// Bytes 0x80–0x9F in windows-1252; the five it leaves undefined stay as they are.
    static let windows1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
