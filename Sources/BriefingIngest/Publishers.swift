/// Readable names for the news sites digests cite by domain: `(reuters.com)` is shown as "Reuters".
enum Publishers {
    static let known: [String: String] = [
        "reuters.com": "Reuters", "bloomberg.com": "Bloomberg", "cnbc.com": "CNBC", "ft.com": "Financial Times",
        "wsj.com": "The Wall Street Journal", "nytimes.com": "The New York Times", "scmp.com": "South China Morning Post",
        "theinformation.com": "The Information", "investing.com": "Investing.com", "techcrunch.com": "TechCrunch",
        "theverge.com": "The Verge", "tomshardware.com": "Tom's Hardware", "techwireasia.com": "Tech Wire Asia",
        "caixinglobal.com": "Caixin Global", "nikkei.com": "Nikkei", "asia.nikkei.com": "Nikkei Asia",
        "apnews.com": "AP News", "bbc.com": "BBC", "bbc.co.uk": "BBC", "cnn.com": "CNN", "forbes.com": "Forbes",
        "fortune.com": "Fortune", "economist.com": "The Economist", "theguardian.com": "The Guardian",
        "yahoo.com": "Yahoo", "finance.yahoo.com": "Yahoo Finance", "marketwatch.com": "MarketWatch",
        "digitimes.com": "DigiTimes", "trendforce.com": "TrendForce", "semianalysis.com": "SemiAnalysis",
        "globaltimes.cn": "Global Times", "xinhuanet.com": "Xinhua", "chinadaily.com.cn": "China Daily",
    ]

    /// The publisher's name, or the domain itself when it is not a known one.
    static func name(forDomain domain: String) -> String {
        let host = domain.hasPrefix("www.") ? String(domain.dropFirst(4)) : domain
        return known[host] ?? host
    }
}
