/// One step, after the commit point, that puts a staged file in its place
/// (paths relative to the store root; staged names relative to the ledger's
/// staging directory). Every step can be done again after a crash.
struct FilePlacement: Sendable, Equatable {
    enum Kind: String, Sendable {
        /// `rename`: the staged file's last step.
        case move
        /// `link`: one more name for the staged file, before its move. An
        /// interaction stored exactly as fetched shares the spool file's inode,
        /// so its bytes are written and synced once.
        case link
    }

    let kind: Kind
    let staged: String
    let destination: String
}
