extension XMLElement {
    /// The element's own text: its direct text and CDATA runs joined, without
    /// the text of child elements. Whitespace is kept as written.
    public var text: String {
        var joined = ""
        for case .text(let run) in content {
            joined += run
        }
        return joined
    }

    /// All text inside the element, its descendants' included, in document order.
    public var allText: String {
        var joined = ""
        appendAllText(to: &joined)
        return joined
    }

    private func appendAllText(to joined: inout String) {
        for piece in content {
            switch piece {
            case .text(let run): joined += run
            case .element(let child): child.appendAllText(to: &joined)
            }
        }
    }
}
