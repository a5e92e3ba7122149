import BriefingCore

/// The text of a new company or topic file, with the fields DESIGN.md gives them and guidance in comments.
public enum RegistryTemplate {
    public static func company(name: String, aliases: [String] = []) -> String {
        """
        ---
        name: \(YAMLText.quoted(name))
        aliases: [\(aliases.map(YAMLText.quoted).joined(separator: ", "))]                    # other names and brands that identify it in text: [Example Group, ExampleCloud]
        ticker:                        # e.g. "NASDAQ: EXMP"
        headquarters:                  # city, region, country
        website:                       # https://…
        ---
        <!-- A short profile: what the company does and why it matters to this portal's readers. -->

        """
    }

    public static func topic(name: String) -> String {
        """
        ---
        name: \(YAMLText.quoted(name))
        description: ""                # one sentence, shown on the topics page
        keywords: [\(YAMLText.quoted(name.lowercased()))]  # words and phrases that tag ingested briefs with this topic
        ---
        <!-- Introduce the topic: what it covers and why readers follow it. -->

        """
    }
}
