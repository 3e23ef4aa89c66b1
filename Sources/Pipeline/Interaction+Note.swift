import XMLDocuments

extension Interaction {
    /// Adds a trace entry about a stage itself (why it was skipped, which
    /// queue it chose), when `context` keeps a trace; the text is built only then.
    mutating func note(
        _ text: @autoclosure () -> String, stage: String, at location: SourceLocation, context: StageContext
    ) {
        guard context.tracing else { return }
        trace.append(TraceEntry(stage: stage, location: location, note: text()))
    }
}
