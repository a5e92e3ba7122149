/// A feed field's text and how it is encoded: Atom's `type`, RSS's escaped HTML, JSON Feed's `content_text`.
enum FeedMarkup {
    case html(String)
    case plain(String)

    /// Whitespace-normalised plain text.
    var plainText: String {
        switch self {
        case .html(let html): HTMLConverter.plainText(fromHTML: html)
        case .plain(let text): FeedText.collapsed(text)
        }
    }

    /// Markdown and plain text from one parse.
    func converted(baseURL: String?) -> (markdown: String, plainText: String) {
        switch self {
        case .html(let html): HTMLConverter.markdownAndPlainText(fromHTML: html, baseURL: baseURL)
        case .plain(let text): (MarkdownWriter.markdown(fromPlainText: text), FeedText.collapsed(text))
        }
    }
}

extension SourceItem {
    /// Fills `summary` and `contentMarkdown` from what the feed gave. With both a summary and content, each
    /// is used for its own field; with only one, it is the content and the summary is its first sentences.
    mutating func setText(summary: FeedMarkup?, content: FeedMarkup?, baseURL: String?) {
        if let content, case let converted = content.converted(baseURL: baseURL),
           let markdown = FeedText.nonBlank(converted.markdown) {
            contentMarkdown = markdown
            self.summary = summary.flatMap { FeedText.trimmed($0.plainText) }
                ?? FeedText.leadingSentences(converted.plainText)
        } else if let summary {
            let converted = summary.converted(baseURL: baseURL)
            contentMarkdown = FeedText.nonBlank(converted.markdown)
            self.summary = FeedText.trimmed(converted.plainText).flatMap { text in
                text.count > FeedText.summaryCharacterLimit ? FeedText.leadingSentences(text) : text
            }
        }
    }
}
