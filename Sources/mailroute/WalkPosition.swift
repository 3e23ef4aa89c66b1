/// How far a reprocessing walk has gone: the source it is in (from 0), the
/// entries of that source already taken, and the entries of all sources
/// taken (the numbering `--shard` splits on). A checkpoint stores it.
struct WalkPosition: Sendable, Equatable {
    var source = 0
    var item = 0
    var global = 0
}
