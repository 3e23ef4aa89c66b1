import Patterns
import XMLDocuments

/// One rule: when its conditions hold, its actions apply, in order.
///
/// Immutable and shared: a class, so that stages and traces pass rules
/// around without copying their contents.
public final class Rule: Sendable {
    /// The identifier, unique across the whole file set.
    public let id: String
    /// What the rule is for, as the designer wrote it.
    public let description: String?
    /// The conditions of `<when>`, all of which must hold; empty means always.
    public let conditions: [Condition]
    /// The actions of `<do>`, in order.
    public let actions: [Action]
    /// Where the `<rule>` element starts.
    public let location: SourceLocation
    /// Whether an action's value reads what the conditions captured (`${1}`, `${name}`).
    public let readsCaptures: Bool

    /// Creates a rule.
    public init(id: String, description: String?, conditions: [Condition], actions: [Action], location: SourceLocation) {
        self.id = id
        self.description = description
        self.conditions = conditions
        self.actions = actions
        self.location = location
        readsCaptures = actions.contains { action in
            action.templates.contains { template in
                template.segments.contains { segment in
                    switch segment {
                    case .group, .named: true
                    default: false
                    }
                }
            }
        }
    }

    /// Whether the rule has no conditions and so always matches.
    public var isUnconditional: Bool { conditions.isEmpty }

    /// What evaluating the rule may read, so a caller can parse only that much of a message.
    public var needs: MessageNeeds {
        var needs: MessageNeeds = []
        func visit(_ condition: Condition) {
            switch condition.kind {
            case .body: needs.formUnion([.structure, .body])
            case .attachmentName, .attachmentType: needs.insert(.structure)
            case .all(let inner), .any(let inner): inner.forEach(visit)
            case .not(let inner): visit(inner)
            default: break
            }
        }
        conditions.forEach(visit)
        return needs
    }

    /// Every regex in the rule's conditions, nested ones included.
    public var patterns: [Pattern] {
        var found: [Pattern] = []
        func visit(_ condition: Condition) {
            switch condition.kind {
            case .header(_, _, _, let matcher), .address(_, _, _, let matcher), .body(let matcher),
                .attachmentName(let matcher), .attachmentType(let matcher), .mailbox(let matcher):
                if let pattern = matcher.pattern { found.append(pattern) }
            case .all(let inner), .any(let inner): inner.forEach(visit)
            case .not(let inner): visit(inner)
            default: break
            }
        }
        conditions.forEach(visit)
        return found
    }
}
