/// The spool index of one commit: the record of every spool file the commit
/// stores (where the message came from, its size as fetched and as the
/// server reported it, where its interactions went), one JSON object a line
/// in delivery order, in one file named after the commit's first spool file,
/// `sidecars/spool/<spool-name>.jsonl`.
///
/// One file a commit rather than a sidecar a message: creating, syncing and
/// renaming a small file costs the kernel as much as a 20 KB message does.
/// A spool file's record is in the index of the commit that stored it;
/// ``QueueStore/spoolEntries()`` reads them all.
enum SpoolIndex {
    /// Writes the index of `deliveries` into staging. Returns its placement
    /// (to come after the spool files' own, so that every record read has its
    /// file) and its descriptor, kept for the commit's `fdatasync`; nil when
    /// none of them has a spool file.
    static func stage(_ deliveries: [StagedDelivery], in staging: DirectoryHandle) throws(StoreError) -> (FilePlacement, KeptDescriptors)? {
        guard let first = deliveries.first(where: { $0.spoolRecord != nil }), let name = first.spoolName else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(deliveries.reduce(0) { $0 + ($1.spoolRecord?.count ?? 0) })
        for delivery in deliveries {
            if let record = delivery.spoolRecord { bytes += record }
        }
        let staged = name + ".jsonl"
        let kept = KeptDescriptors()
        kept.keep(try FileSystem.createOpen(staging.file(staged), containing: bytes), for: staged)
        return (FilePlacement(kind: .move, staged: staged, destination: StoreLayout.spoolSidecars + "/" + staged), kept)
    }
}
