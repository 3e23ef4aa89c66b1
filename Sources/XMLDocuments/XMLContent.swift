/// One piece of an element's content, in document order: rule files are
/// mostly elements, but mixed content keeps its order through this.
public enum XMLContent: Sendable, Hashable {
    /// A child element.
    case element(XMLElement)
    /// A run of character data: text or a CDATA section, entity references replaced.
    case text(String)
}
