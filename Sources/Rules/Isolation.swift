import MessageModel
import Patterns
import XMLDocuments

/// Copies of loaded rules that share no reference-counted storage with the
/// originals, for one thread to use alone.
///
/// Rules are immutable and safe to share, but sharing has a cost: every
/// retain and release of a shared object is an atomic write to memory that
/// all cores fight over. A worker thread with its own copy of everything it
/// touches per message keeps those writes in its own cache.
public enum Isolation {
    /// `text` in storage of its own (short strings have none to share).
    public static func copy(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
    }

    /// ``copy(_:)-(String)`` of an optional.
    public static func copy(_ text: String?) -> String? {
        text.map(copy)
    }

    /// `location` with its file name in storage of its own.
    public static func copy(_ location: SourceLocation) -> SourceLocation {
        SourceLocation(file: copy(location.file), line: location.line, column: location.column)
    }

    /// Every part of `address` in storage of its own.
    public static func copy(_ address: Address) -> Address {
        Address(
            displayName: copy(address.displayName), localPart: copy(address.localPart), domain: copy(address.domain),
            route: address.route.map(copy), comment: copy(address.comment))
    }
}

extension Rule {
    /// This rule with its own copies of everything (see ``Isolation``).
    public func isolatedCopy() -> Rule {
        Rule(
            id: Isolation.copy(id), description: Isolation.copy(description),
            conditions: conditions.map { $0.isolatedCopy() }, actions: actions.map { $0.isolatedCopy() },
            location: Isolation.copy(location))
    }
}

extension Condition {
    /// This condition with its own copies of everything, patterns included (see ``Isolation``).
    public func isolatedCopy() -> Condition {
        let copied: Kind
        switch kind {
        case .header(let name, let form, let occurrence, let matcher):
            copied = .header(
                name: Isolation.copy(name), form: form, occurrence: occurrence, matcher: matcher.isolatedCopy())
        case .address(let fields, let part, let occurrence, let matcher):
            copied = .address(
                fields: fields.map(Isolation.copy), part: part, occurrence: occurrence, matcher: matcher.isolatedCopy())
        case .body(let matcher): copied = .body(matcher.isolatedCopy())
        case .size(let greaterThan, let lessThan): copied = .size(greaterThan: greaterThan, lessThan: lessThan)
        case .attachmentName(let matcher): copied = .attachmentName(matcher.isolatedCopy())
        case .attachmentType(let matcher): copied = .attachmentType(matcher.isolatedCopy())
        case .exists(let header): copied = .exists(header: Isolation.copy(header))
        case .mailbox(let matcher): copied = .mailbox(matcher.isolatedCopy())
        case .tagged(let name): copied = .tagged(Isolation.copy(name))
        case .all(let conditions): copied = .all(conditions.map { $0.isolatedCopy() })
        case .any(let conditions): copied = .any(conditions.map { $0.isolatedCopy() })
        case .not(let condition): copied = .not(condition.isolatedCopy())
        }
        return Condition(copied, elementName: Isolation.copy(elementName), location: Isolation.copy(location))
    }
}

extension Matcher {
    /// This matcher with its own operand and its own pattern (see ``Isolation``).
    public func isolatedCopy() -> Matcher {
        switch kind {
        case .regex(let pattern): Matcher(.regex(pattern.isolatedCopy()), caseless: caseless)
        case .equals(let text): Matcher(.equals(Isolation.copy(text)), caseless: caseless)
        case .contains(let text): Matcher(.contains(Isolation.copy(text)), caseless: caseless)
        case .startsWith(let text): Matcher(.startsWith(Isolation.copy(text)), caseless: caseless)
        case .endsWith(let text): Matcher(.endsWith(Isolation.copy(text)), caseless: caseless)
        }
    }
}

extension Action {
    /// This action with its own copies of its names and values (see ``Isolation``).
    public func isolatedCopy() -> Action {
        let copied: Kind
        switch kind {
        case .addHeader(let name, let value):
            copied = .addHeader(name: Isolation.copy(name), value: value.isolatedCopy())
        case .setHeader(let name, let value):
            copied = .setHeader(name: Isolation.copy(name), value: value.isolatedCopy())
        case .removeHeader(let name): copied = .removeHeader(name: Isolation.copy(name))
        case .tag(let value): copied = .tag(value.isolatedCopy())
        case .attribute(let name, let value):
            copied = .attribute(name: Isolation.copy(name), value: value.isolatedCopy())
        case .routeToQueue(let queue): copied = .routeToQueue(Isolation.copy(queue))
        case .routeToEndpoint(let endpoint): copied = .routeToEndpoint(Isolation.copy(endpoint))
        case .forceDefaultQueue: copied = .forceDefaultQueue
        case .stop(let scope): copied = .stop(scope)
        }
        return Action(copied, elementName: Isolation.copy(elementName), location: Isolation.copy(location))
    }
}

extension ValueTemplate {
    /// This template with its own copies of its text (see ``Isolation``).
    public func isolatedCopy() -> ValueTemplate {
        ValueTemplate(
            segments: segments.map { segment in
                switch segment {
                case .literal(let text): .literal(Isolation.copy(text))
                case .named(let name): .named(Isolation.copy(name))
                case .header(let name): .header(Isolation.copy(name))
                case .group, .mailbox, .from, .messageID: segment
                }
            },
            source: Isolation.copy(source))
    }
}

extension MailboxProfile {
    /// This profile with its own copies of its names and address (see
    /// ``Isolation``); options that are not text are kept as they are.
    public func isolatedCopy() -> MailboxProfile {
        var copy = self
        copy.name = Isolation.copy(name)
        copy.addressText = Isolation.copy(addressText)
        copy.address = Isolation.copy(address)
        copy.defaultQueue = Isolation.copy(defaultQueue)
        copy.copyMessageWithHeader = Isolation.copy(copyMessageWithHeader)
        copy.endpoint = Isolation.copy(endpoint)
        copy.location = Isolation.copy(location)
        return copy
    }
}

extension QueueDefinition {
    /// This queue with its own copies of its texts (see ``Isolation``).
    public func isolatedCopy() -> QueueDefinition {
        QueueDefinition(
            name: Isolation.copy(name), description: Isolation.copy(description), location: Isolation.copy(location))
    }
}

extension EndpointDefinition {
    /// This endpoint with its own copies of its texts (see ``Isolation``).
    public func isolatedCopy() -> EndpointDefinition {
        EndpointDefinition(name: Isolation.copy(name), queue: Isolation.copy(queue), location: Isolation.copy(location))
    }
}
