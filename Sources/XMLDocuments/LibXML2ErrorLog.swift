import CLibXML2

/// One error or warning as libxml2 reported it, before it is tied to a file.
struct LibXML2Problem {
    let isWarning: Bool
    /// libxml2's line; 0 when it had none.
    let line: Int
    /// libxml2's column; 0 when it had none (validity errors never have one).
    let column: Int
    let message: String
    /// Where the node the problem names was written, for problems that name
    /// one (validity and schema errors) and could be placed.
    let nodeLocation: SourceLocation?
}

/// Collects what libxml2 reports during one call on the current thread.
///
/// libxml2 2.9 keeps its error handlers per thread, so installing this log
/// around a call captures exactly that call's errors, and nothing of other
/// threads; the previous handlers are put back afterwards. The generic
/// handler is silenced meanwhile, so libxml2 never writes to stderr.
///
/// Problems that name a node are placed by `locateNode` at once, inside the
/// callback: libxml2 may free the node (a failed schema parse frees its whole
/// tree) before the call returns, so no node pointer outlives the callback.
final class LibXML2ErrorLog {
    private(set) var problems: [LibXML2Problem] = []
    private let locateNode: (UnsafeMutableRawPointer) -> SourceLocation?

    init(locateNode: @escaping (UnsafeMutableRawPointer) -> SourceLocation? = { _ in nil }) {
        self.locateNode = locateNode
    }

    /// Runs `body` with this log as the thread's libxml2 error handler.
    func capturing<Result>(_ body: () -> Result) -> Result {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let saved = mailroute_xml_install_error_handlers(recordLibXML2Error, context)
        defer { mailroute_xml_restore_error_handlers(saved) }
        return body()
    }

    /// An opaque pointer to this log, for libxml2 setters that take a handler
    /// and its context (RelaxNG). Valid while the log is alive.
    var handlerContext: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    /// The handler that records into the log passed as `handlerContext`.
    static let handler: xmlStructuredErrorFunc = recordLibXML2Error

    var errors: [LibXML2Problem] { problems.filter { !$0.isWarning } }
    var warnings: [LibXML2Problem] { problems.filter(\.isWarning) }

    /// Far more than any report shows; it only bounds memory when a large
    /// hostile document produces an error per node.
    private static let maximumKept = 10_000

    fileprivate func record(_ error: xmlError) {
        guard problems.count < Self.maximumKept else { return }
        let text = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        problems.append(
            LibXML2Problem(
                isWarning: error.level == XML_ERR_WARNING,
                line: Int(error.line),
                column: Int(error.int2),
                message: text.trimmingWhitespace(),
                nodeLocation: error.node.flatMap(locateNode)))
    }
}

private func recordLibXML2Error(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<LibXML2ErrorLog>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks;
    /// libxml2 ends its messages with a newline.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
