import Testing

@testable import QueueStore

/// The directory a commit syncs after placing a file is the one the file went into.
@Suite struct FileSystemTests {
    @Test(arguments: [
        ("queues/general/new/1.L1N2.host", "queues/general/new"), ("/srv/store/format", "/srv/store"), ("format", "."),
        ("/format", "/"), ("sidecars/queues/caf\u{E9}/x.json", "sidecars/queues/caf\u{E9}"),
    ])
    func parentOfAPath(_ path: String, _ parent: String) {
        #expect(FileSystem.parent(of: path) == parent)
    }
}
