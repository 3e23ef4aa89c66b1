/// Defects found while decoding one field value, at most ``limit`` of them.
///
/// A hostile header can hold millions of malformed constructs; listing each
/// would cost more memory than the message. The first few are kept with
/// their excerpts, the rest are counted in one closing defect.
struct DefectLog {
    static let limit = 20

    let location: String?
    private(set) var defects: [Defect] = []
    private var unlisted = 0
    private var unlistedKind: Defect.Kind?

    init(location: String?) {
        self.location = location
    }

    /// Records a defect; `detail` is only built while under the limit.
    mutating func add(_ kind: Defect.Kind, _ detail: @autoclosure () -> String) {
        guard defects.count < Self.limit else {
            unlisted += 1
            unlistedKind = unlistedKind ?? kind
            return
        }
        defects.append(Defect(kind, detail(), at: location))
    }

    /// Appends what was recorded to `list`, with a count of what was not.
    func flush(into list: inout [Defect]) {
        if !defects.isEmpty { list.append(contentsOf: defects) }
        if let unlistedKind, unlisted > 0 {
            list.append(Defect(unlistedKind, "\(unlisted) more problems in this value not listed", at: location))
        }
    }
}
