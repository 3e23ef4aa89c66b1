import Testing

@testable import QueueStore

/// File names and paths are joined by hand for speed; they must read exactly
/// as interpolation would write them, or a store would name files differently
/// from one build to the next.
@Suite struct PathTextTests {
    @Test func numbersAreWrittenAsStringWritesThem() {
        let unsigned: [UInt64] = [0, 1, 9, 10, 99, 100, 12_345, 1_000_000_007, UInt64(Int64.max), .max]
        for number in unsigned {
            #expect(PathText.join { $0.append(number) } == String(number))
            var bytes = Array("x".utf8)
            DecimalDigits.append(number, to: &bytes)
            #expect(bytes == Array("x\(number)".utf8))
        }
        let signed: [Int64] = [0, -1, -10, 1_763_820_000, -1_763_820_000, .max, .min]
        for number in signed {
            #expect(PathText.join { $0.append(number) } == String(number))
        }
    }

    @Test func piecesAreJoinedInOrder() {
        let joined = PathText.join {
            $0.append("queues/")
            $0.append("b%C3%BCcher")
            $0.append("/new/")
            $0.append(UInt64(42))
            $0.append("é.host")
        }
        #expect(joined == "queues/b%C3%BCcher/new/42é.host")
        #expect(PathText.join { _ in } == "")
    }

    /// The names the store has always given its files.
    @Test func deliveryNamesKeepTheirShape() {
        let received = StoreTimestamp(unixMilliseconds: 1_763_820_000_005)
        let names = DeliveryFileNames(sequence: 307, received: received, ledgerTag: "acme", host: "mx.example")
        #expect(names.spool == "1763820000.LacmeN307.mx.example")
        #expect(names.interaction(2) == "1763820000.LacmeN307C2.mx.example")
        #expect(names.stagedSpool == "307-s")
        #expect(names.stagedMessage(3) == "307-3")
        #expect(names.stagedSidecar(12) == "307-12.json")
        #expect(StoreLayout.queueMessage("billing", names.spool) == "queues/billing/new/" + names.spool)
        #expect(StoreLayout.queueSidecar("billing", "n") == "sidecars/queues/billing/n.json")
        #expect(StoreLayout.spoolMessage("n") == "spool/new/n")
    }
}
