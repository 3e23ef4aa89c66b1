/// The named groups of one pattern, read from PCRE2's name table.
///
/// With `(?J)` several groups may share a name; lookups then try them in
/// group-number order.
struct CaptureNameTable: Hashable, Sendable {
    /// Each distinct name once, ordered by the number of its first group.
    let names: [String]
    /// The group numbers carrying each name, ascending.
    let groupsByName: [String: [Int]]

    /// A table with no names, for patterns without named groups.
    static let empty = CaptureNameTable(entries: [])

    /// Builds the table from (group number, name) pairs in any order.
    init(entries: [(group: Int, name: String)]) {
        var names: [String] = []
        var groupsByName: [String: [Int]] = [:]
        for entry in entries.sorted(by: { $0.group < $1.group }) {
            if groupsByName[entry.name] == nil { names.append(entry.name) }
            groupsByName[entry.name, default: []].append(entry.group)
        }
        self.names = names
        self.groupsByName = groupsByName
    }
}
