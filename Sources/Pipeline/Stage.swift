import Rules
import XMLDocuments

/// One kind of pipeline stage: an element of `<pipeline>` and the type that
/// reads and runs it. Adding a kind takes a type conforming to this
/// protocol, a line in ``StageRegistry/kinds`` and an element in the schema.
///
/// Stages decide; they never do I/O, so the same pipeline serves replay,
/// tests and live mailboxes.
public protocol Stage: Sendable {
    /// The element name in `<pipeline>`.
    static var elementName: String { get }

    /// Reads the stage from its element; nil, with problems recorded in
    /// `reader`, when it cannot be used.
    static func read(from element: XMLElement, reader: inout StageReader) -> Self?

    /// The rules the stage evaluates, in order (empty for stages without rules).
    var rules: [Rule] { get }

    /// Where the stage's element is written.
    var location: SourceLocation { get }

    /// Runs the stage on every interaction and returns the interactions that go on.
    ///
    /// The pipeline hands its interactions over (`consuming`), so a stage may
    /// change them in place and return them without copying; a stage written
    /// with a plain parameter conforms too.
    func run(_ interactions: consuming [Interaction], context: StageContext) -> StageOutput

    /// A copy sharing no reference-counted storage with this stage, for one
    /// thread to use alone (see `Rules.Isolation`). The default shares: a
    /// stage without rules or long texts has nothing worth copying.
    func isolatedCopy() -> Self
}

extension Stage {
    /// The stage itself.
    public func isolatedCopy() -> Self { self }
}
