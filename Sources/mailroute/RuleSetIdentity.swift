import Pipeline
import Rules

/// The identity of a rule set as reports and checkpoints record it: a digest
/// of the bytes of the rule file and of every file it includes, so that a
/// checkpoint refuses to resume, and reports refuse to merge, once any of
/// them changed.
enum RuleSetIdentity {
    /// The digest of `path` and its includes; files that cannot be read count as their error.
    static func of(_ path: String) -> String {
        var digest = ContentDigest()
        var seen: Set<String> = []
        var pending = [path]
        // Bounded: each file is visited once, and a rule set that loaded has few files.
        while let file = pending.popLast(), seen.count < 10_000 {
            guard seen.insert(file).inserted else { continue }
            digest.add(file)
            switch FileBytes.read(file) {
            case .success(let bytes): digest.add(bytes)
            case .failure(let error): digest.add("unreadable: \(error)")
            }
            var log = DiagnosticLog()
            if let ruleFile = RuleFile.read(file, schema: nil, includedAt: nil, log: &log) {
                pending += ruleFile.includes.map(\.path).reversed()
            }
        }
        return digest.text
    }
}
