import BriefingTemplates

/// The benchmark's data: a list page of 50 briefs, as a `TemplateValue` and as the `[String: Any]` tree
/// swift-mustache reads.
enum PageContext {
    static func make(briefCount: Int = 50) -> TemplateValue {
        let topics = ["AI policy", "Chips & hardware", "Cloud", "Open source", "Security", "Energy"]
        let companies = ["Acme & Co", "Globex", "Initech", "Umbrella \"Labs\"", "Hooli", "Stark Industries"]
        // Three of these make a summary of about 250 characters, with & " ' < > to escape.
        let sentences = [
            "Regulators in Brussels & Washington issued \"final\" guidance on audits.",
            "The firm's R&D budget grew 40% while margins held near 18% <despite> supply limits.",
            "Analysts say it's the third delay this year; customers aren't waiting.",
            "A new standard lets data centres compare \"watts per token\" directly.",
        ]
        let months = ["January", "February", "March", "April", "May", "June"]
        let briefs: [TemplateValue] = (0..<briefCount).map { index in
            let summary = (0..<3).map { sentences[(index + $0) % sentences.count] }.joined(separator: " ")
            let day = index % 28 + 1
            let month = index % months.count
            let chips: (Int, [String], String) -> TemplateValue = { count, names, prefix in
                .list(
                    (0..<count).map {
                        let name = names[(index + $0) % names.count]
                        return ["name": .string(name), "slug": .string(prefix + "-\((index + $0) % names.count)")]
                    })
            }
            return [
                "title": .string("\(topics[index % topics.count]): the \"Q\(month / 3 + 1)\" shift, part \(index + 1)"),
                "url": .string("briefs/2025/\(month + 1)/brief-\(index + 1)/"),
                "date": [
                    "iso": .string("2025-\(month + 1 < 10 ? "0" : "")\(month + 1)-\(day < 10 ? "0" : "")\(day)"),
                    "human": .string("\(day) \(months[month]) 2025"),
                ],
                "summary": .string(summary),
                // Two or three chips per brief, topics first.
                "topics": chips(1 + index % 2, topics, "topic"),
                "companies": chips(1 + index % 3 / 2, companies, "company"),
            ]
        }
        return [
            "root": "../../",
            "site": [
                "title": "Briefing",
                "language": "en",
                "footer": "Briefing — independent notes on technology & policy.",
                "nav": [["url": "topics/", "label": "Topics"], ["url": "companies/", "label": "Companies"]],
            ],
            "page": [
                "title": "Chips & hardware",
                "description": "Everything about \"chips\", fabs & the companies that make them.",
                "canonicalURL": "https://example.com/topics/chips/",
            ],
            "briefs": .list(briefs),
        ]
    }

    /// The same data as plain Swift dictionaries, arrays and scalars.
    static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .null: Optional<String>.none as Any
        case .bool(let flag): flag
        case .int(let number): number
        case .double(let number): number
        case .string(let string): string
        case .list(let items): items.map(plain)
        case .object(let fields): fields.mapValues(plain)
        }
    }
}
