// Reading a record from front matter and writing it back, side by side for each kind of field, so what
// is written is what is read.

extension SchemaRecord {
    /// Reads every field of the schema, recording a located problem for each one that is wrong.
    /// Returns nil when a required field is missing or unusable; the problems say why.
    public static func read(_ fields: inout FrontMatterFields) -> Self? {
        let read = readAll(&fields)
        return read.usable ? read.record : nil
    }

    /// Every field that could be read, the others left empty; `usable` is false when a required one is wrong.
    public static func readAll(_ fields: inout FrontMatterFields) -> (record: Self, usable: Bool) {
        var record = empty
        var usable = true
        for field in schema where !field.read(&fields, into: &record) { usable = false }
        return (record, usable)
    }

    /// The record as YAML front matter lines, as ingest writes it: text always double-quoted, so no value can
    /// change the YAML's shape; empty lists left out unless the field says otherwise.
    public func frontMatterLines() -> [String] {
        Self.schema.flatMap { $0.lines(of: self) }
    }

    /// The record as `briefing new` writes it: every field present, empty lists as `[]` or a commented example,
    /// and each field's guidance as a comment. `overrides` replaces a field's written value (a date given as a day).
    public func scaffoldLines(overrides: [String: String] = [:]) -> [String] {
        Self.schema.flatMap { field -> [String] in
            var lines = field.lines(of: self)
            if let value = overrides[field.name] { lines = ["\(field.name): \(value)"] }
            if lines.isEmpty { lines = [field.example.isEmpty ? "\(field.name): []" : "\(field.name):"] }
            if let guidance = field.guidance, let first = lines.first {
                let padding = String(repeating: " ", count: max(1, 31 - first.count))
                lines[0] = first + padding + "# " + guidance
            }
            return lines + field.example.map { "  # " + $0 }
        }
    }
}

extension SchemaField {
    /// A text field turned into a value by `parse`; text it cannot parse is reported with `problem`'s message and fix.
    private func read<Value>(
        _ name: String, _ requirement: Requirement, into record: inout Record, at path: WritableKeyPath<Record, Value>,
        from fields: inout FrontMatterFields, _ parse: (String) -> Value?, problem: (String) -> (message: String, fix: String)
    ) -> Bool {
        guard let text = fields.string(name, required: requirement.isRequired, fix: requirement.fix) else { return !requirement.isRequired }
        guard let value = parse(text) else {
            let (message, fix) = problem(text)
            fields.report(name, message, fix: fix)
            return false
        }
        record[keyPath: path] = value
        return true
    }

    /// Reads this field into `record`; false when the record cannot be used without it.
    func read(_ fields: inout FrontMatterFields, into record: inout Record) -> Bool {
        switch kind {
        case .text(let path, let requirement):
            guard let text = fields.string(name, required: requirement.isRequired, fix: requirement.fix) else { return !requirement.isRequired }
            record[keyPath: path] = text
        case .optionalText(let path):
            record[keyPath: path] = fields.string(name)
        case .url(let path, let requirement):
            return read(name, requirement, into: &record, at: path, from: &fields) { url in
                url.hasPrefix("https://") || url.hasPrefix("http://") ? url : nil
            } problem: { ("the source URL `\($0)` is not an http(s) URL", "write the full address, starting with https://") }
        case .timestamp(let path, let requirement):
            return read(name, requirement, into: &record, at: path, from: &fields, Timestamp.init(iso:)) {
                ("`\($0)` is not a date", "write it as 2025-09-09 or 2025-09-09T10:00:00Z")
            }
        case .partialDate(let path, let requirement):
            return read(name, requirement, into: &record, at: path, from: &fields, PartialDate.init(iso:)) {
                ("`\($0)` is not a date", "write the date as 2025, 2025-07 or 2025-07-31")
            }
        case .slugs(let path, _):
            record[keyPath: path] = fields.slugs(name)
        case .texts(let path):
            record[keyPath: path] = fields.strings(name)
        case .flag(let path):
            record[keyPath: path] = fields.bool(name) ?? false
        case .sources(let path):
            record[keyPath: path] = fields.items(name, SourceCitation.read)
        case .events(let path):
            record[keyPath: path] = fields.items(name, TimelineEvent.read)
        }
        return true
    }

    /// The field's YAML lines as ingest writes them; none when the field is left out.
    func lines(of record: Record) -> [String] {
        switch kind {
        case .text(let path, _), .url(let path, _):
            return ["\(name): \(YAMLText.quoted(record[keyPath: path]))"]
        case .optionalText(let path):
            return record[keyPath: path].map { ["\(name): \(YAMLText.quoted($0))"] } ?? []
        case .timestamp(let path, _):
            return ["\(name): \(record[keyPath: path])"]
        case .partialDate(let path, _):
            return ["\(name): \(YAMLText.quoted(record[keyPath: path].description))"]
        case .slugs(let path, let writtenWhenEmpty):
            let slugs = record[keyPath: path]
            guard writtenWhenEmpty || !slugs.isEmpty else { return [] }
            return ["\(name): [\(slugs.map(\.rawValue).joined(separator: ", "))]"]
        case .texts(let path):
            let texts = record[keyPath: path]
            return texts.isEmpty ? [] : ["\(name): [\(texts.map(YAMLText.quoted).joined(separator: ", "))]"]
        case .flag(let path):
            return record[keyPath: path] ? ["\(name): true"] : []
        case .sources(let path):
            return entryLines(record[keyPath: path])
        case .events(let path):
            return entryLines(record[keyPath: path])
        }
    }

    private func entryLines<Entry: SchemaRecord>(_ entries: [Entry]) -> [String] {
        guard !entries.isEmpty else { return [] }
        return ["\(name):"] + entries.flatMap { entry in
            entry.frontMatterLines().enumerated().map { index, line in (index == 0 ? "  - " : "    ") + line }
        }
    }
}

extension SchemaField.Requirement {
    var isRequired: Bool {
        if case .required = self { return true }
        return false
    }

    var fix: String? {
        if case .required(let fix) = self { return fix }
        return nil
    }
}
