/// A map from scalars to values read with one array access instead of a dictionary lookup (the
/// scanners ask it for every candidate character of the text).
struct ScalarMap<Value: Sendable>: Sendable {
    private var slots = [Int32](repeating: -1, count: 0x10000)
    private var values: [Value] = []
    private var overflow: [Unicode.Scalar: Int] = [:]

    init(_ dictionary: [Unicode.Scalar: Value]) {
        for (scalar, value) in dictionary {
            let index = values.count
            values.append(value)
            if scalar.value < 0x10000 { slots[Int(scalar.value)] = Int32(index) } else { overflow[scalar] = index }
        }
    }

    @inline(__always)
    subscript(scalar: Unicode.Scalar) -> Value? {
        let v = Int(scalar.value)
        if v < 0x10000 {
            let slot = slots[v]
            return slot < 0 ? nil : values[Int(slot)]
        }
        return overflow[scalar].map { values[$0] }
    }
}
