import Testing
@testable import BriefingServe

@Suite struct HostCheckTests {
    @Test(arguments: [nil, "localhost", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:8080", "127.1.2.3:80", "[::1]:8080", "[::1]"])
    func onLoopbackAnswersLoopbackNames(host: String?) {
        #expect(HostCheck(listeningOn: "127.0.0.1").allows(host))
    }

    @Test(arguments: [
        "attacker.example", "attacker.example:8080", "127.0.0.1.attacker.example", "localhost.attacker.example:8080",
        "192.168.1.2:8080", "[::2]:8080", "127.0.0.256", "", "[::1",
    ])
    func onLoopbackRefusesOtherNames(host: String) {
        #expect(!HostCheck(listeningOn: "127.0.0.1").allows(host))
        #expect(!HostCheck(listeningOn: "::1").allows(host))
    }

    @Test func onOtherAddressesAnswersAnyName() {
        #expect(HostCheck(listeningOn: "0.0.0.0").allows("preview.lan:8080"))
        #expect(HostCheck(listeningOn: "192.168.1.2").allows("attacker.example"))
    }
}
