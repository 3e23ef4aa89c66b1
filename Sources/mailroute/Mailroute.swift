import ArgumentParser
import CMalloc

/// The `mailroute` command: one subcommand per job.
@main
struct Mailroute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailroute",
        abstract: "Read, route and report on customer e-mail.",
        subcommands: [
            InspectCommand.self, LintCommand.self, ReplayCommand.self, ExplainCommand.self, TestCommand.self,
            ReprocessCommand.self, ReportCommand.self, RunCommand.self, FetchCommand.self,
        ])

    static func main() {
        // Messages of several megabytes come and go all the time. glibc raises its
        // mmap threshold each time such a block is freed, after which large
        // messages come from the heap and fragment it, so peak memory would
        // creep up with the number of large messages read. A fixed threshold
        // keeps every large message in its own mapping, returned on release.
        _ = mallopt(M_MMAP_THRESHOLD, 256 * 1024)
        main(nil)
    }
}
