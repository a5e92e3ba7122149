import BriefingCore

/// The text of a new story file: every field of the story schema with its guidance, and the body to write.
public enum StoryTemplate {
    public static func text(title: String) -> String {
        let fields = Story.Fields(title: title, status: Story.Status.developing.rawValue)
        return "---\n" + fields.scaffoldLines().map { $0 + "\n" }.joined() + "---\n"
            + "<!-- What is happening, why it matters and who is involved. Briefs join the story with `stories: [slug]`. -->\n"
    }
}
