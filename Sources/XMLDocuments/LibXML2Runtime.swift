import CLibXML2

/// libxml2's process-wide setup, done once before the first parse.
///
/// libxml2 2.9 keeps some state for the whole process: its initialisation,
/// the RelaxNG type library and the external entity loader. All three are set
/// here, once, from a `static let` (which Swift runs exactly once, thread-safely).
/// The loader installed refuses every external resource, for every libxml2
/// user in the process: mailroute never wants libxml2 to open a file or a URL
/// on a document's behalf. `xmlCleanupParser` is never called, as it is not
/// safe while other threads use libxml2.
enum LibXML2Runtime {
    private static let isReady: Bool = {
        xmlInitParser()
        _ = xmlRelaxNGInitTypes()
        xmlSetExternalEntityLoader(refuseExternalResource)
        return true
    }()

    /// Makes sure the one-time setup has run; cheap after the first call.
    static func prepare() {
        _ = isReady
    }

    /// The options every document is parsed with: no network, line numbers
    /// above 65535 kept. Deliberately absent: `XML_PARSE_NOENT` (entity
    /// substitution), `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDVALID` and `XML_PARSE_HUGE`,
    /// so libxml2's own size and depth limits stay in force.
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
}

/// The external entity loader: it loads nothing, whatever is asked.
private func refuseExternalResource(
    _ url: UnsafePointer<CChar>?, _ publicID: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    nil
}
