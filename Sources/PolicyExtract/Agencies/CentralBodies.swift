import PolicyCore

/// The table of central bodies (`CentralBodyData.swift`), looked up by any of their names.
struct CentralBodies: Sendable {
    /// One way of writing a central body's name.
    struct Variant: Sendable {
        let scalars: [Unicode.Scalar]
        /// The body's standard short name (`国家发展改革委`).
        let normalized: String
        /// Also the usual name of the local counterpart (`发展改革委`, `统计局`).
        let alsoLocal: Bool
        /// Recognized only in lists and signature blocks, not in running text (`人行`, `国办`).
        let listOnly: Bool
    }

    static let shared = CentralBodies(table: centralBodyTable)

    /// Number of bodies in the table.
    let bodyCount: Int
    /// First scalars of all names: a cheap test before the dictionary.
    let firstScalars: ScalarBitSet
    private let byName: [String: Variant]
    /// Variants by first scalar, then by second scalar; longest first.
    private let byFirstScalar: ScalarMap<[Unicode.Scalar: [Variant]]>

    init(table: String) {
        var byName: [String: Variant] = [:]
        var bodies = 0
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count == 2 else { continue }
            bodies += 1
            let normalized = String(fields[0])
            var names: [Substring] = [fields[0]]
            names += fields[1].split(separator: ",")
            for raw in names {
                var name = raw
                var alsoLocal = false
                var listOnly = false
                while let last = name.last, last == "*" || last == "!" {
                    if last == "*" { alsoLocal = true } else { listOnly = true }
                    name = name.dropLast()
                }
                let key = String(name)
                guard byName[key] == nil else { continue }
                byName[key] = Variant(scalars: Array(key.unicodeScalars), normalized: normalized,
                                      alsoLocal: alsoLocal, listOnly: listOnly)
            }
        }
        var byFirstScalar: [Unicode.Scalar: [Unicode.Scalar: [Variant]]] = [:]
        var grouped: [Unicode.Scalar: [Unicode.Scalar: [Variant]]] = [:]
        for variant in byName.values where variant.scalars.count >= 2 {
            grouped[variant.scalars[0], default: [:]][variant.scalars[1], default: []].append(variant)
        }
        for (first, bySecond) in grouped {
            byFirstScalar[first] = bySecond.mapValues { variants in
                variants.sorted { ($0.scalars.count, $0.normalized) > ($1.scalars.count, $1.normalized) }
            }
        }
        self.bodyCount = bodies
        self.firstScalars = ScalarBitSet(byFirstScalar.keys)
        self.byName = byName
        self.byFirstScalar = ScalarMap(byFirstScalar)
    }

    /// The body a whole name stands for (`发改委` → 国家发展改革委).
    func body(named name: String) -> Variant? { byName[name] }

    /// The longest variant written at `index` that ends at or before `limit`.
    func longestMatch(in scalars: [Unicode.Scalar], at index: Int, limit: Int,
                      includeListOnly: Bool) -> Variant? {
        guard index + 1 < limit, firstScalars.contains(scalars[index]),
              let candidates = byFirstScalar[scalars[index]]?[scalars[index + 1]] else {
            return nil
        }
        for variant in candidates where index + variant.scalars.count <= limit {
            if variant.listOnly && !includeListOnly { continue }
            var k = 1
            while k < variant.scalars.count && scalars[index + k] == variant.scalars[k] { k += 1 }
            if k == variant.scalars.count { return variant }
        }
        return nil
    }
}
