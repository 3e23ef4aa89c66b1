import Foundation
import Testing

/// The HTML report in a real browser: Debian's chromium, headless, loads the
/// page from a file, runs its script, and the DOM it dumps holds the matrix
/// cells and the chart bars the script builds.
@Suite struct ReprocessBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs chromium headless with `arguments` and returns what it prints on standard output.
    static func browser(_ arguments: [String], in folder: URL) throws -> String {
        let binary = try #require(chromium, "chromium is installed by .ci/install-deps")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(folder.path)/profile"] + arguments
        let outURL = folder.appendingPathComponent("browser.out")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A browser that hangs must not hang the tests.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try out.close()
        return try String(contentsOf: outURL, encoding: .utf8)
    }

    @Test func theScriptDrawsTheMatrixAndTheChartsInABrowser() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let result = try CommandRunner.run(
            ["reprocess"] + ReprocessCommandTests.fixtures + ReprocessCommandTests.compare + ["--html", page.path, "--quiet"])
        try #require(result.status == 0)

        let dom = try Self.browser(["--dump-dom", page.absoluteString], in: folder)
        #expect(dom.contains("<body data-rendered=\"yes\">"), "the script ran to its end")
        // The matrix, built by the script from the embedded summary.
        #expect(dom.contains("<table class=\"matrix\">"))
        #expect(dom.contains("data-from=\"support\" data-to=\"complaints\" data-count=\"1\""))
        #expect(dom.contains("data-from=\"billing\" data-to=\"vip\" data-count=\"1\""))
        #expect(dom.contains("data-from=\"legal\" data-to=\"legal\" data-count=\"5\""))
        // The charts: one bar per queue and rule set, one per rule and rule set.
        let bars = dom.matches(of: /<rect class="bar [a-z]+" data-label="([^"]+)" data-set="(old|new)" data-value="([0-9]+)"/)
        #expect(bars.contains { $0.1 == "billing" && $0.2 == "old" && $0.3 == "4" })
        #expect(bars.contains { $0.1 == "billing" && $0.2 == "new" && $0.3 == "3" })
        #expect(bars.contains { $0.1 == "routing route-vip" && $0.2 == "new" && $0.3 == "1" })
        #expect(bars.contains { $0.1 == "tagging fax" && $0.2 == "old" && $0.3 == "0" })
        #expect(bars.count == 7 * 2 + 24 + 25)
        #expect(dom.contains("<rect class=\"bar dead\""))
    }

    @Test func theRenderedPageIsAPictureWithContent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        _ = try CommandRunner.run(["reprocess"] + ReprocessCommandTests.fixtures + ReprocessCommandTests.compare + ["--html", page.path, "--quiet"])
        let shot = folder.appendingPathComponent("shot.png")
        _ = try Self.browser(["--hide-scrollbars", "--window-size=1000,1400", "--screenshot=\(shot.path)", page.absoluteString], in: folder)
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        // A blank page compresses to a few kilobytes; text, tables and bars do not.
        #expect(png.count > 30_000)
    }
}
