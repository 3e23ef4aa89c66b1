/// Which form of a header value a condition reads.
public enum HeaderValueForm: String, Sendable {
    /// Unfolded and RFC 2047 decoded: what a person sees.
    case decoded
    /// Unfolded only: encoded words as written.
    case raw
}

/// How several candidate values combine.
public enum Occurrence: String, Sendable {
    /// True if any candidate matches.
    case any
    /// True if there is at least one candidate and every one matches.
    case all
}

/// Which part of an address a condition compares.
public enum AddressPart: String, Sendable {
    /// `local@domain` as the message writes it.
    case addrSpec = "addr-spec"
    /// The part before the `@`, unquoted.
    case localPart = "local-part"
    /// The part after the `@`; empty when there is none.
    case domain
    /// The decoded display name; empty when there is none.
    case displayName = "display-name"
    /// The addr-spec in lower case, as mailboxes are compared.
    case normalized
}
