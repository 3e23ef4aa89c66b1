import ArgumentParser

/// `mailroute report`: work on reports written by other commands.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Work on reprocessing reports.",
        subcommands: [ReportMergeCommand.self])
}
