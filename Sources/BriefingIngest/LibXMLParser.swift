import CLibXML2

/// Runs libxml2's XML parser safely: no network, no DTD loading, no entity substitution; errors become `IngestError`s.
enum LibXMLParser {
    /// libxml2 sets up its global tables on first use; doing it once, up front, keeps concurrent parses safe.
    static let initialised: Void = { xmlInitParser() }()

    // NOENT (substitute entities), DTDLOAD, XINCLUDE and HUGE are deliberately absent: with them a
    // document could expand entities without bound or read files named by external entities.
    private static let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
        | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Parses `bytes` and hands the root element to `body`; the tree is freed when `body` returns.
    static func withRootElement<T>(
        of bytes: [UInt8], file: String, _ body: (LibXMLNode) throws(IngestError) -> T
    ) throws(IngestError) -> T {
        try SourceInput.checkSize(bytes.count, file: file)
        return try bytes.withUnsafeBufferPointer { (all) throws(IngestError) -> T in
            let input = SourceInput.droppingUTF8BOM(all)
            try SourceInput.checkNotBlank(input, file: file)
            do throws(LibXMLFailure) {
                return try withRootElement(parsing: input, file: file, body)
            } catch {
                // Bad bytes in a UTF-8 feed: repair them (U+FFFD) and parse once more rather than give up.
                guard error.isInvalidCharacter, SourceInput.isDeclaredUTF8(input) else { throw error.error }
                let repaired = SourceInput.repairedUTF8(input)
                do throws(LibXMLFailure) {
                    return try repaired.withUnsafeBufferPointer { (buffer) throws(LibXMLFailure) -> T in
                        try withRootElement(parsing: buffer, file: file, body)
                    }
                } catch {
                    throw error.error
                }
            }
        }
    }

    private static func withRootElement<T>(
        parsing input: UnsafeBufferPointer<UInt8>, file: String, _ body: (LibXMLNode) throws(IngestError) -> T
    ) throws(LibXMLFailure) -> T {
        _ = initialised
        guard let context = xmlNewParserCtxt(), let base = input.baseAddress, input.count <= Int32.max else {
            throw LibXMLFailure(IngestError(file: file, message: "libxml2 could not start a parser"))
        }
        defer { xmlFreeParserCtxt(context) }
        let log = ParseErrorLog()
        // A structured handler on this context only: errors never reach stderr or another thread's handler.
        // libxml2 passes the context itself as user data; `_private` is the slot it leaves to us.
        context.pointee._private = Unmanaged.passUnretained(log).toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let log = context.pointee._private else { return }
            Unmanaged<ParseErrorLog>.fromOpaque(log).takeUnretainedValue().record(error.pointee)
        }
        let document = withExtendedLifetime(log) {
            base.withMemoryRebound(to: CChar.self, capacity: input.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(input.count), nil, nil, options)
            }
        }
        context.pointee._private = nil
        defer { if let document { xmlFreeDoc(document) } }
        guard let document, context.pointee.wellFormed != 0 else {
            throw LibXMLFailure(log: log, input: input, file: file)
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw LibXMLFailure(IngestError(file: file, message: "the XML has no root element",
                                            fix: "download the feed again"))
        }
        do throws(IngestError) {
            return try body(LibXMLNode(pointer: root))
        } catch {
            throw LibXMLFailure(error)
        }
    }
}

/// The errors libxml2 reported during one parse; the first fatal one is what went wrong.
private final class ParseErrorLog {
    struct Entry {
        var code: Int32
        var line: Int
        var column: Int
        var message: String
        var isFatal: Bool
    }

    var first: Entry?
    var sawPrematureEnd = false

    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        if error.code == Int32(XML_ERR_TAG_NOT_FINISHED.rawValue) { sawPrematureEnd = true }
        let isFatal = error.level == XML_ERR_FATAL
        guard first == nil || (isFatal && first?.isFatal == false) else { return }
        let text = error.message.map { String(cString: $0) } ?? "unknown error"
        let message = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        first = Entry(code: error.code, line: Int(error.line), column: Int(error.int2),
                      message: message.trimmingSpaces, isFatal: isFatal)
    }
}

/// Why a parse failed, and whether repairing the bytes as UTF-8 could help.
private struct LibXMLFailure: Error {
    var error: IngestError
    var isInvalidCharacter = false

    init(_ error: IngestError) { self.error = error }

    init(log: ParseErrorLog, input: UnsafeBufferPointer<UInt8>, file: String) {
        guard let entry = log.first else {
            error = IngestError(file: file, message: "the XML could not be parsed", fix: "fix the file or re-download it")
            return
        }
        let line = entry.line > 0 ? entry.line : nil
        let at = line.map { " at line \($0)" } ?? ""
        isInvalidCharacter = entry.code == Int32(XML_ERR_INVALID_CHAR.rawValue)
            || entry.code == Int32(XML_ERR_INVALID_ENCODING.rawValue)
        if entry.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) || entry.message.contains("amplification") {
            error = IngestError(
                file: file, line: line,
                message: "the XML declares entities that expand without bound (\(entry.message)); "
                    + "this is an entity-expansion attack such as \"billion laughs\" and was not expanded",
                fix: "do not ingest this file; get the feed from its publisher again")
        } else if entry.code == Int32(XML_ERR_TAG_NOT_FINISHED.rawValue)
                    || (log.sawPrematureEnd && LibXMLFailure.isAtEnd(entry, of: input)) {
            error = IngestError(
                file: file, line: line,
                message: "the XML ends before its elements are closed\(at) (\(entry.message))",
                fix: "the file looks truncated; download it again")
        } else if entry.code == Int32(XML_ERR_UNDECLARED_ENTITY.rawValue) {
            error = IngestError(
                file: file, line: line, message: "the XML is malformed\(at): \(entry.message)",
                fix: "HTML entities such as &nbsp; are not XML: escape them (&amp;nbsp;) or use the character; "
                    + "fix the file or re-download it")
        } else if LibXMLFailure.looksLikeHTMLPage(input) {
            error = IngestError(file: file, line: line, message: "the XML is malformed\(at): \(entry.message)",
                                fix: "this looks like a web page, not a feed: find the page's RSS or Atom link and download that")
        } else {
            error = IngestError(file: file, line: line, message: "the XML is malformed\(at): \(entry.message)",
                                fix: "fix the file or re-download it")
        }
    }

    /// Whether the document starts like a web page (`<!DOCTYPE html>`, `<html`): a common wrong download.
    private static func looksLikeHTMLPage(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = String(decoding: input.prefix(1_024), as: UTF8.self).lowercased()
        return start.contains("<!doctype html") || start.contains("<html")
    }

    /// Whether an error sits at the last non-blank character of the input: the sign of a cut-off file.
    private static func isAtEnd(_ entry: ParseErrorLog.Entry, of input: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = input.count
        while end > 0, SourceInput.isASCIIWhitespace(input[end - 1]) { end -= 1 }
        var lines = 1
        var lastLineLength = 0
        for byte in input[..<end] {
            if byte == 0x0A {
                lines += 1
                lastLineLength = 0
            } else if byte & 0xC0 != 0x80 {
                lastLineLength += 1
            }
        }
        return entry.line > lines || (entry.line == lines && entry.column >= lastLineLength)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
