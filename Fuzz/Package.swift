// swift-tools-version:6.0
//
// The libFuzzer target over mailroute's message parser and mailbox readers.
// A package of its own so that the main package never builds with the fuzzer
// runtime; run.sh builds it with `--sanitize=fuzzer --sanitize=address`.
import PackageDescription

let package = Package(
    name: "MailrouteFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "mailroute", path: ".."),
    ],
    targets: [
        // No main.swift: SwiftPM then compiles the target with -parse-as-library, and
        // libFuzzer's runtime supplies `main`, which calls LLVMFuzzerTestOneInput.
        .executableTarget(
            name: "MessageFuzzer",
            dependencies: [.product(name: "MailrouteMessages", package: "mailroute")]),
    ],
    swiftLanguageModes: [.v6]
)
