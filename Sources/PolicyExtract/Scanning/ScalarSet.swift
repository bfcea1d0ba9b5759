/// A set of Unicode scalars tested with one bit lookup — the character classes of the hot loops
/// (`Set<Unicode.Scalar>` hashes every test).
struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    /// One bit per scalar of the Basic Multilingual Plane.
    private var bits = [UInt64](repeating: 0, count: 1024)
    /// Scalars beyond it (rare in these lexicons).
    private var others: Set<UInt32> = []

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for c in scalars { insert(c) }
    }

    init(arrayLiteral elements: Unicode.Scalar...) { self.init(elements) }

    /// The scalars of a string: `ScalarSet(characters: "之负的")`.
    init(characters: String) { self.init(characters.unicodeScalars) }

    mutating func insert(_ c: Unicode.Scalar) {
        let v = c.value
        if v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { others.insert(v) }
    }

    @inline(__always)
    func contains(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x10000 { return bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        return others.contains(v)
    }

    static func + (a: ScalarSet, b: ScalarSet) -> ScalarSet {
        var result = a
        for k in 0..<result.bits.count { result.bits[k] |= b.bits[k] }
        result.others.formUnion(b.others)
        return result
    }
}
