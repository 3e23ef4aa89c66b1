import CLibXML2

/// Owns one libxml2 document tree and frees it when no longer needed.
///
/// Used only inside this module, on the thread that parsed it, for as long as
/// mailroute's own tree is being built or the document validated.
final class LibXML2Tree {
    let document: xmlDocPtr

    init(_ document: xmlDocPtr) {
        self.document = document
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The document element, if the tree has one.
    var rootElement: xmlNodePtr? {
        xmlDocGetRootElement(document)
    }
}

/// Owns one libxml2 parser context and frees it when done.
final class LibXML2ParserContext {
    let pointer: xmlParserCtxtPtr

    /// A fresh context, or `nil` if libxml2 could not allocate one.
    init?() {
        guard let pointer = xmlNewParserCtxt() else { return nil }
        self.pointer = pointer
    }

    deinit {
        xmlFreeParserCtxt(pointer)
    }
}
