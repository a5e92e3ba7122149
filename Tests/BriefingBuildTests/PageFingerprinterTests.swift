import Foundation
import Testing
@testable import BriefingBuild
import BriefingRender

@Suite struct PageFingerprinterTests {
    /// A brief page hands over the digest of its related briefs, worked out as it built its context, in place of the
    /// one the build would work out again (`ReadTable.digest`): the two must agree, or every edit would count every
    /// related list as changed.
    @Test func aPagesRelatedDigestIsTheOneTheBuildWouldWorkOut() throws {
        var random = SeededRandom(seed: 0xD16E_57)
        let editor = try SiteEditor(random: &random, briefs: 30)
        let builder = editor.builder()
        let site = try builder.loadSite()
        let plan = PagePlan(site: site)
        let inputs = SiteInputs.scan(site: builder.siteDirectory, stamps: SiteInputs.stamps(site: builder.siteDirectory, jobs: 2), previous: [:], jobs: 2)
        let fingerprinter = PageFingerprinter(site: site, plan: plan, theme: try builder.loadTheme(), inputs: inputs)
        var compared = 0
        for page in plan.pages where page.outputPath.hasPrefix("briefs/") {
            for (key, digest) in fingerprinter.fingerprint(page).digests {
                #expect(digest == ReadTable.digest(of: key, in: site), "\(key)")
                compared += 1
            }
        }
        #expect(compared == site.briefs.count)
    }
}
