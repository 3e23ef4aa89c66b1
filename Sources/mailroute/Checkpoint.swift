import Reports

/// The state of an unfinished reprocessing run, written now and then so that
/// a run that is killed continues where it stopped: what the job is, how far
/// it went, the summary so far and how many bytes of records it had written.
///
/// The file has three lines: the report header, the position, the summary.
struct Checkpoint {
    var header: ReportHeader
    /// The fingerprint of the sources (``SourceCensus``), to refuse a resume over changed mail.
    var sourcesFingerprint: String
    var position: WalkPosition
    /// The length of `CHECKPOINT.records` that goes with this summary.
    var recordsLength: Int
    /// The bytes done so far, for progress.
    var bytesDone: Int
    var summary: ReprocessSummary

    /// The file's content.
    func fileBytes() -> [UInt8] {
        header.jsonLine()
            + Array(("{\"checkpoint\":{\"sources_fingerprint\":\"\(sourcesFingerprint)\",\"position\":[\(position.source),"
                + "\(position.item),\(position.global)],\"records_length\":\(recordsLength),\"bytes_done\":\(bytesDone)}}\n").utf8)
            + summary.jsonLine()
    }

    /// Writes the checkpoint so that a crash leaves the previous one or this one.
    func write(to path: String) -> Result<Void, FileError> {
        DurableFile.replace(path, with: fileBytes())
    }

    /// The checkpoint at `path`, or nil when there is none.
    /// - Throws: ``CheckpointError`` for a file that cannot be read or is not a checkpoint.
    static func read(_ path: String) throws(CheckpointError) -> Checkpoint? {
        guard DirectoryNames.status(path, followingLinks: true) != nil else { return nil }
        let bytes: [UInt8]
        switch FileBytes.read(path) {
        case .success(let read): bytes = read
        case .failure(let error): throw .unreadable(path: path, reason: "\(error)")
        }
        let lines = bytes.split(separator: 0x0A).map(Array.init)
        do {
            guard lines.count == 3 else { throw ReportDecodingError(expected: "three lines") }
            let state = try JSONParser.parse(lines[1])["checkpoint"]
            guard let state, let fingerprint = state["sources_fingerprint"]?.string,
                let numbers = state["position"]?.array?.compactMap(\.integer), numbers.count == 3,
                let length = state["records_length"]?.integer, let bytesDone = state["bytes_done"]?.integer
            else { throw ReportDecodingError(expected: "a second line {\"checkpoint\": {...}}") }
            return Checkpoint(
                header: try ReportHeader(json: try JSONParser.parse(lines[0])), sourcesFingerprint: fingerprint,
                position: WalkPosition(source: numbers[0], item: numbers[1], global: numbers[2]),
                recordsLength: length, bytesDone: bytesDone, summary: try ReprocessSummary(json: try JSONParser.parse(lines[2])))
        } catch {
            throw .notACheckpoint(path: path, reason: "\(error)")
        }
    }

    /// Checks that this checkpoint is of the job about to run, which stores
    /// into the queue store at `queues` (absolute; nil for a dry run).
    /// - Throws: ``CheckpointError/otherJob(path:difference:)`` naming what differs.
    func check(against header: ReportHeader, sourcesFingerprint: String, queues: String?, path: String) throws(CheckpointError) {
        var differences: [String] = []
        if self.header.rules != header.rules {
            differences.append(
                self.header.rules.path == header.rules.path
                    ? "the rules \(header.rules.path) (or a file they include) changed since" : "other rules (--rules \(self.header.rules.path))")
        }
        if self.header.compare != header.compare {
            differences.append(
                self.header.compare?.path == header.compare?.path && header.compare != nil
                    ? "the old rules \(header.compare?.path ?? "") changed since"
                    : "another --compare (\(self.header.compare?.path ?? "none"))")
        }
        if self.header.mailbox != header.mailbox { differences.append("another --mailbox (\(self.header.mailbox ?? "none"))") }
        if self.header.shard != header.shard { differences.append("another --shard (\(self.header.shard?.description ?? "none"))") }
        if self.header.sources != header.sources {
            differences.append("other sources (\(self.header.sources.joined(separator: " ")))")
        } else if self.sourcesFingerprint != sourcesFingerprint {
            differences.append("the sources changed since (messages added, removed or rewritten)")
        }
        // The entries before the checkpoint were stored where it says, or nowhere.
        switch (summary.store?.root, queues) {
        case (nil, nil): break
        case (nil, _?): differences.append("it is of a dry run (no --apply), so the messages before it were not stored")
        case (let saved?, nil): differences.append("it is of a run with --apply --queues \(saved)")
        case (let saved?, let queues?): if saved != queues { differences.append("another --queues (\(saved))") }
        }
        guard differences.isEmpty else { throw .otherJob(path: path, difference: differences.joined(separator: "; ")) }
    }
}
