import Foundation
import Testing

/// `lint` on configuration files, as an administrator runs it, against golden files.
@Suite struct ConfigurationLintTests {
    @Test func theAcmeConfigurationAndItsRuleFileLintClean() throws {
        let result = try CommandRunner.run(["lint", "Fixtures/config/acme.xml"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "1 file checked: 0 errors, 0 warnings\n")
        // Named as well, the rule file is checked again but nothing is reported twice.
        let both = try CommandRunner.run(["lint", "Fixtures/config/acme.xml", "Rules/acme/rules.xml"])
        #expect(both.status == 0)
        #expect(both.standardOutput == "2 files checked: 0 errors, 0 warnings\n")
    }

    /// `options`: a value out of range for each kind of option, an unknown option,
    /// GRAPH/EWS, a duplicate address, a bad password reference.
    /// `profiles`: mailboxes that do not match the rule file's mailbox profiles.
    @Test(arguments: ["options", "profiles"])
    func brokenConfigurationsGiveLocatedProblems(name: String) throws {
        let result = try CommandRunner.run(["lint", "Fixtures/config/broken/\(name).xml"])
        #expect(result.status == 1)
        #expect(try CommandRunner.matchesGolden(result.standardOutput, "lint-config-\(name).txt"))
        for line in result.standardOutput.split(separator: "\n").dropLast() {
            #expect(line.wholeMatch(of: /Fixtures\/config\/broken\/[a-z]+\.xml:\d+:\d+: (error|warning): .+/) != nil, "\(line)")
        }
        #expect(!result.standardOutput.contains("hunter2-must-never-show"))
    }

    @Test func aConfigurationWhoseRuleFileIsMissingSaysSo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try String(
            contentsOf: CommandRunner.root.appendingPathComponent("Fixtures/config/acme.xml"), encoding: .utf8)
        let file = folder.appendingPathComponent("service.xml")
        try configuration.write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["lint", file.path])
        #expect(result.status == 1)
        let rules = folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules/acme/rules.xml").path
        #expect(result.standardOutput
            == "\(rules):1:1: error: cannot read the rule file: No such file or directory\n1 file checked: 1 error, 0 warnings\n")
    }
}
