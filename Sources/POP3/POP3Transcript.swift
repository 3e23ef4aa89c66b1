import Network

/// Receives each ``TranscriptLine`` as it is sent or received, on the
/// thread that uses the client.
public typealias POP3Transcript = (TranscriptLine) -> Void
