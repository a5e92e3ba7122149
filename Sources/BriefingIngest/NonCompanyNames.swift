/// The stop list of the open registry: names and words that say a capitalised name is a person, a place, a
/// product, a publication or an agency, never a company. README's "Ingest" section documents these rules.
enum NonCompanyNames {
    /// Whole names (lower-cased) that are never companies, whatever cue they come with.
    static func isStopped(_ lowered: String) -> Bool {
        publications.contains(lowered) || agencies.contains(lowered) || products.contains(lowered) || places.contains(lowered)
            || other.contains(lowered)
    }

    /// Whether a word of the name makes it a government body, a school or an event ("Ministry of Commerce",
    /// "Congressional Research Service", "Global Digital Ecosystem Summit").
    static func hasNonCompanyWord(_ loweredWords: [String]) -> Bool {
        loweredWords.contains(where: nonCompanyWords.contains)
    }

    /// News outlets, research newsletters and the events and boilerplate of the feeds themselves.
    static let publications: Set<String> = [
        "reuters", "bloomberg", "bloomberg intelligence", "bloomberg law", "financial times", "ft", "wired", "scmp",
        "south china morning post", "macrumors", "techwire asia", "tech wire asia", "techmeme", "the information",
        "the decoder", "rest of world", "chinatalk", "china business journal", "cnbc", "nikkei", "nikkei asia", "caixin",
        "xinhua", "global times", "people's daily", "ap", "afp", "associated press", "ee times", "eetimes",
        "techrepublic", "semianalysis", "interconnects", "techforge media", "ai news", "techex", "ai & big data expo",
        "the verge", "techcrunch", "the wall street journal", "wall street journal", "wsj", "new york times",
        "the new york times", "washington post", "the washington post", "the guardian", "bbc", "cnn", "axios",
        "politico", "the economist", "economist", "forbes", "fortune", "business insider", "digitimes", "yicai",
        "36kr", "pandaily", "technode", "sixth tone", "the register", "ars technica", "seeking alpha", "gurufocus",
        "investing.com", "yahoo finance", "marketwatch", "barron's", "the diplomat", "wikipedia", "arxiv", "weibo",
    ]

    /// Governments, regulators, central banks, international bodies and their acronyms.
    static let agencies: Set<String> = [
        "cac", "miit", "mofcom", "bis", "nsa", "ncsc", "cisa", "doj", "fbi", "nist", "caisi", "un", "united nations",
        "eu", "european union", "wto", "fcc", "sec", "ftc", "cfius", "ndrc", "samr", "pboc", "cas", "núkib", "nukib",
        "crs", "cbp", "ustr", "imf", "oecd", "nato", "veu", "white house", "pentagon", "congress", "senate", "treasury",
        "commerce", "people's bank of china", "state council", "politburo", "ccp", "cpc", "world bank", "federal reserve",
        "fed", "ecb", "the people's bank of china", "hkex", "nasdaq", "nyse", "s&p", "s&p 500", "hang seng",
        "hang seng tech", "sse", "szse", "star market", "wall street", "lseg data",
    ]

    /// Products, models, chips, apps and technologies (of known companies or generic), which sources write like names.
    static let products: Set<String> = [
        "iphone", "ipad", "ios", "ipados", "macos", "siri", "esim", "esims", "gemini", "claude", "chatgpt", "gpt",
        "doubao", "seedream", "hunyuan", "ernie", "paddlepaddle", "paddle", "kunlun", "kunlunxin", "ascend", "atlas",
        "blackwell", "hopper", "rubin", "cuda", "qwen", "kimi", "wetv", "douyin", "tiktok", "wechat", "weixin",
        "alipay", "taobao", "tmall", "nano banana", "android", "windows", "copilot", "llama", "grok", "mistral",
        "kirin", "harmonyos", "pangu", "deepseek-r1", "r1", "v3", "openrouter", "hugging face", "modelscope",
        "salt typhoon", "spikingbrain", "magicbench", "lmarena", "artificial analysis", "e-cny", "stargate",
        "apple watches", "apple watch", "ipads", "iphones", "snapdragon", "geforce", "rtx", "pixverse", "zhenwu",
        "atlas supernode", "cowos", "hbm", "dim sum",
    ]

    /// Places and regions beyond the ones `CapitalisedNames` already drops.
    static let places: Set<String> = [
        "foshan", "guangdong", "ottawa", "estonia", "canada", "czech", "czech republic", "sichuan", "zhejiang", "jiangsu",
        "fujian", "hubei", "wuhan", "chengdu", "chongqing", "tianjin", "nanjing", "suzhou", "xinjiang", "tibet", "macau",
        "southeast asia", "latin america", "new york", "san francisco", "seattle", "texas", "arizona", "ireland",
        "mexico", "brazil", "australia", "new zealand", "philippines", "switzerland", "sweden", "finland", "norway",
        "denmark", "poland", "italy", "spain", "israel", "saudi arabia", "qatar", "egypt", "nigeria", "kenya",
        "pakistan", "bangladesh", "sri lanka", "hong kong", "south korea", "north america", "the netherlands",
        "united arab emirates", "the united states", "the united kingdom", "the uae", "the us", "the uk",
        "asia-pacific", "apac", "emea", "greater bay area", "pearl river delta", "yangtze river delta",
    ]

    /// Laws, lists, campaigns, titles and sentence openers that sources capitalise.
    static let other: Set<String> = [
        "unreliable entity list", "entity list", "tariff act", "chips act", "section", "interim measures",
        "key points", "key players", "critical assessment", "looking forward", "global context", "comparing approaches",
        "read more", "related", "big tech", "wall street estimates", "ai", "agi", "the ai", "gen ai", "genai",
        "president", "ceo", "cfo", "chief executive", "series b", "series a", "series c", "years", "grade",
        "china tech", "western", "sovereign ai", "sovereignty", "hu-man-centered ai", "human-centered ai", "today",
        "yesterday", "tomorrow", "now", "recently", "currently", "previously", "earlier", "later", "meanwhile", "instead",
    ]

    /// Words that make a name a government body, a school, a place, a law or an event.
    static let nonCompanyWords: Set<String> = [
        "ministry", "administration", "commission", "bureau", "department", "agency", "agencies", "council",
        "authority", "authorities", "office", "committee", "institute", "institution", "university", "academy",
        "government", "court", "congress", "congressional", "senate", "parliament", "customs", "treasury", "police",
        "army", "navy", "embassy", "party", "union", "summit", "expo", "conference", "forum", "act", "exemption",
        "measures", "regulations", "rules", "law", "list", "campaign", "index", "province", "city", "county", "state",
        "states", "republic", "kingdom", "emirates", "endowment", "foundation", "school", "schools", "college",
        "municipal", "federal", "national", "typhoon", "award", "awards", "week", "day", "initiative", "programme",
        "program", "plan", "report", "paper", "white", "guidelines", "strategy", "central", "people's", "minister",
        "president", "prime", "premier", "secretary", "director", "ruler", "sheikh", "king", "queen", "prince",
    ]

    /// Roles written right before a person's name ("Nvidia CEO Jensen Huang", "Weibo user ChillsYaya").
    static let personTitles: Set<String> = [
        "ceo", "cfo", "cto", "coo", "president", "minister", "analyst", "analysts", "founder", "co-founder",
        "researcher", "exec", "executive", "spokesperson", "spokesman", "spokeswoman", "director", "officer",
        "chairman", "chairwoman", "chair", "sheikh", "mr", "mrs", "ms", "dr", "professor", "engineer", "user",
        "influencer", "senator", "secretary", "governor", "mayor", "premier", "judge", "lawmaker", "representative",
        "economist", "journalist", "reporter", "writer", "author", "scientist", "head", "vp", "evp",
        "svp", "manager", "strategist", "commentator", "blogger", "chief", "leader", "said", "says", "told", "asked",
    ]

    /// Words after "Name, " that make the name a person's ("Ben Bajarin, CEO of…", "Jacob Bourne, an analyst at…").
    static let personAppositives: Set<String> = [
        "ceo", "cfo", "cto", "coo", "chief", "head", "analyst", "minister", "president", "vice", "founder", "co-founder",
        "director", "senior", "spokesperson", "chairman", "partner", "managing", "executive", "professor", "researcher",
        "who", "whose", "he", "she", "sales", "general", "deputy", "secretary",
    ]

    /// Corporate words that a name ends with ("PDD Holdings", "Texas Instruments", "ON Semiconductor"): a cue
    /// that the name is a company's.
    static let corporateForms: Set<String> = [
        "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "limited", "llc", "plc", "ag", "sa",
        "se", "nv", "n.v.", "gmbh", "holdings", "holding", "group", "technologies", "technology", "semiconductor",
        "semiconductors", "electronics", "instruments", "materials", "energy", "capital", "motors", "networks",
        "systems", "labs", "pharmaceutical", "pharmaceuticals", "therapeutics", "biotech", "telecom", "mobile",
        "bank", "airlines", "industries", "partners", "ventures", "investments", "management", "securities",
        "insurance", "robotics", "microelectronics", "software", "solutions", "foods", "automotive", "auto",
    ]

    /// The legal forms dropped from a name to compare it with others ("PDD Holdings" is "PDD").
    static let legalForms: Set<String> = [
        "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "limited", "llc", "plc", "ag", "sa",
        "se", "nv", "n.v.", "gmbh", "holdings", "holding", "group",
    ]

    /// Nouns that name what kind of company something is ("chipmaker X", "X, the e-commerce platform",
    /// "drugmakers (X, Y and Z)").
    static let companyNouns: Set<String> = [
        "company", "companies", "firm", "firms", "platform", "platforms", "maker", "makers", "chipmaker", "chipmakers",
        "giant", "giants", "startup", "startups", "start-up", "start-ups", "operator", "operators", "carrier",
        "carriers", "provider", "providers", "retailer", "retailers", "developer", "developers", "manufacturer",
        "manufacturers", "supplier", "suppliers", "conglomerate", "conglomerates", "vendor", "vendors", "designer",
        "designers", "foundry", "foundries", "brand", "brands", "bank", "banks", "lender", "lenders", "insurer",
        "drugmaker", "drugmakers", "automaker", "automakers", "carmaker", "carmakers", "producer", "producers",
        "marketplace", "marketplaces", "streamer", "streamers", "rival", "rivals", "competitor", "competitors",
        "hyperscaler", "hyperscalers", "unicorn", "subsidiary", "underwriters", "biotech", "biotechs", "miner",
        "miners", "group", "groups", "partner", "partners", "customer", "customers", "buyer", "buyers", "investor",
        "investors", "exporter", "exporters", "airline", "airlines", "broker", "brokerage", "fund", "funds",
        "e-commerce", "incumbent", "incumbents", "player", "players", "specialist", "unit", "owner", "parent",
        "smartphone-maker", "phonemaker", "phonemakers", "owned", "pharma", "leader", "leaders", "champion", "champions",
    ]

    /// What may follow "Name's" to show it is a company ("X's chief executive", "X's shares").
    static let corporatePossessions: Set<String> = [
        "ceo", "cfo", "chief", "founder", "co-founder", "chairman", "board", "shares", "stock", "stake", "subsidiary",
        "unit", "revenue", "revenues", "profit", "profits", "earnings", "market", "valuation", "ipo", "listing",
        "headquarters", "employees", "staff", "customers", "shareholders", "investors", "executives", "sales",
        "quarterly", "annual", "operating", "net", "parent", "spokesperson", "spokesman",
    ]

    /// Words after a name that make it a product, an index or an event ("Hang Seng Tech index", "Gemini model").
    static let productNouns: Set<String> = [
        "model", "models", "chip", "chips", "app", "apps", "series", "processor", "processors", "accelerator",
        "accelerators", "gpu", "gpus", "smartphone", "smartphones", "phone", "phones", "index", "summit", "expo",
        "exemption", "act", "campaign", "variant", "family", "assistant", "chatbot", "feature", "user", "users",
        "followers", "service", "operating", "administration", "government", "officials", "authorities", "regulators",
        "ecosystem", "lineup", "launch", "update", "upgrade", "engine", "framework", "architecture", "dies", "die",
    ]

    /// Stock exchanges written before a ticker: "(NASDAQ: PDD)", "(HKEX: 9988)".
    static let exchanges: Set<String> = [
        "nasdaq", "nyse", "hkex", "sehk", "sse", "szse", "star", "krx", "kosdaq", "tse", "twse", "tpex", "lse",
        "euronext", "asx", "sgx", "bse", "nse", "otc", "hk", "tyo",
    ]
}
