import Patterns
import Testing

@Suite("Concurrent matching")
struct ConcurrencyTests {
    /// A subject whose expected captures are known from `index`.
    static func subject(_ index: Int) -> String {
        "Ticket #\(index): Rückerstattung für Kunde \(index * 7)"
    }

    /// Runs `rounds` matches on each of `tasks` tasks and counts the correct results.
    func correctResults(_ pattern: Pattern, tasks: Int, rounds: Int) async -> Int {
        await withTaskGroup(of: Int.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var correct = 0
                    for round in 0..<rounds {
                        let index = task * rounds + round
                        guard let match = try? pattern.firstMatch(in: Self.subject(index)) else { continue }
                        if match["ticket"] == String(index), match[2] == String(index * 7),
                            (try? pattern.matches(Self.subject(index))) == true
                        {
                            correct += 1
                        }
                    }
                    return correct
                }
            }
            return await group.reduce(0, +)
        }
    }

    @Test(arguments: [true, false])
    func sharedPatternMatchesCorrectlyFromManyTasks(jit: Bool) async throws {
        let pattern = try Pattern(#"#(?<ticket>\d+): rückerstattung\b.*?(\d+)$"#, options: .caseInsensitive, jit: jit)
        #expect(await correctResults(pattern, tasks: 8, rounds: 300) == 8 * 300)
    }

    /// An isolated copy is another pattern with the same source, options, limits, groups and answers.
    @Test(arguments: [true, false])
    func isolatedCopiesMatchLikeTheOriginal(jit: Bool) async throws {
        let pattern = try Pattern(#"#(?<ticket>\d+): rückerstattung\b.*?(\d+)$"#, options: .caseInsensitive, jit: jit)
        let copy = pattern.isolatedCopy()
        #expect(copy !== pattern)
        #expect(copy.source == pattern.source && copy.options == pattern.options && copy.limits == pattern.limits)
        #expect(copy.captureCount == 2 && copy.captureNames == ["ticket"])
        #expect(copy.isJITCompiled == pattern.isJITCompiled)
        #expect(await correctResults(copy, tasks: 4, rounds: 200) == 4 * 200)
        #expect(try copy.firstMatch(in: Self.subject(3)) == pattern.firstMatch(in: Self.subject(3)))
    }

    @Test func limitErrorsOnSomeTasksDoNotDisturbOthers() async throws {
        let pattern = try Pattern("(a+)+$")
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    let hostile = task.isMultiple(of: 2)
                    let subject = hostile ? String(repeating: "a", count: 30) + "!" : "xx aaa"
                    do throws(PatternError) {
                        let match = try pattern.firstMatch(in: subject)
                        return !hostile && match?.range == 3..<6
                    } catch {
                        return hostile && error == .matchLimitExceeded(pattern: "(a+)+$", limit: .match)
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes == Array(repeating: true, count: 8))
    }
}
