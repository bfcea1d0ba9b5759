/// A set of Basic Multilingual Plane scalars as a bitmap: membership is one array read, where a
/// `Set<Unicode.Scalar>` hashes. The agency and citation scanners ask it once per character.
struct ScalarBitSet: Sendable {
    private var words = [UInt64](repeating: 0, count: 1024)

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { insert(scalar) }
    }

    init(_ characters: String) { self.init(characters.unicodeScalars) }

    mutating func insert(_ scalar: Unicode.Scalar) {
        let v = Int(scalar.value)
        guard v < 0x10000 else { return }
        words[v >> 6] |= 1 << UInt64(v & 63)
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = Int(scalar.value)
        return v < 0x10000 && words[v >> 6] & (1 << UInt64(v & 63)) != 0
    }
}
