/// File path arithmetic for the paths a configuration names, without
/// Foundation: joined and normalised textually, as the rule loader does.
enum ConfigurationPaths {
    /// The directory part of `path` (`.` for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `reference` resolved against `directory`, unless it is absolute.
    static func resolve(_ reference: String, against directory: String) -> String {
        normalize(reference.hasPrefix("/") ? reference : directory + "/" + reference)
    }

    /// `path` without `.` components, empty components and `name/..` pairs.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if let last = components.last, last != ".." {
                    components.removeLast()
                } else if !absolute {
                    components.append(component)
                }
            default: components.append(component)
            }
        }
        let joined = components.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
