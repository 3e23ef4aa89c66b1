/// File path arithmetic for the paths rule and configuration files name,
/// without Foundation: paths are joined and normalised textually, so include
/// cycles are found however a path is spelled.
public enum PathNames {
    /// The directory part of `path` (`.` for a bare name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `reference` resolved against `directory`, unless it is absolute.
    public static func resolve(_ reference: String, against directory: String) -> String {
        normalize(reference.hasPrefix("/") ? reference : directory + "/" + reference)
    }

    /// `path` without `.` components, empty components and `name/..` pairs.
    public static func normalize(_ path: String) -> String {
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
