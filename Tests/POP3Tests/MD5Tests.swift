@testable import POP3
import Testing

@Suite struct MD5Tests {
    /// The test suite of RFC 1321, appendix A.5.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        (String(repeating: "1234567890", count: 8), "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func rfc1321TestSuite(input: String, digest: String) {
        #expect(MD5.hexDigest(Array(input.utf8)) == digest)
    }

    /// The APOP example of RFC 1939 section 7.
    @Test func rfc1939APOPExample() {
        let challenge = "<1896.697170952@dbc.mtview.ca.us>tanstaaf"
        #expect(MD5.hexDigest(Array(challenge.utf8)) == "c4c9334bac560ecc979e58001b3e22fb")
    }

    /// Inputs around the 56- and 64-byte padding boundaries, where a padding bug shows.
    @Test(arguments: [55, 56, 63, 64, 65, 119, 120])
    func paddingBoundaries(length: Int) {
        let expected: [Int: String] = [
            55: "ef1772b6dff9a122358552954ad0df65", 56: "3b0c8ac703f828b04c6c197006d17218",
            63: "b06521f39153d618550606be297466d5", 64: "014842d480b571495a4a0363793f7367",
            65: "c743a45e0d2e6a95cb859adae0248435", 119: "8a7bd0732ed6a28ce75f6dabc90e1613",
            120: "5f61c0ccad4cac44c75ff505e1f1e537",
        ]
        #expect(MD5.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: length)) == expected[length])
    }
}
