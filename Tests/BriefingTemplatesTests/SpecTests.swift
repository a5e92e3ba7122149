import BriefingTemplates
import Testing

/// Runs every case of the official Mustache spec files, optional inheritance and dynamic names included.
@Suite struct SpecTests {
    @Test func allFilesLoad() throws {
        let cases = try SpecCase.load()
        #expect(Set(cases.map(\.file)) == Set(SpecCase.expectedFiles))
        #expect(cases.count == 184)
    }

    @Test(arguments: SpecCase.all)
    func specCase(_ spec: SpecCase) throws {
        // The template under test gets a name no spec partial uses.
        var sources = spec.partials
        sources["__spec_template__"] = spec.template
        let library = try TemplateLibrary(sources: sources)
        let output = try library.renderString("__spec_template__", spec.data)
        #expect(output == spec.expected, "\(spec.file) › \(spec.name)")
    }
}
