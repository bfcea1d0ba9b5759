/// Walks forward through sorted, non-overlapping ranges while a scan moves forward through a
/// paragraph: `skip(at:)` says where to jump when the scan stands inside one of them.
struct RangeCursor {
    private let ranges: [Range<Int>]
    private var index = 0

    init(_ ranges: [Range<Int>]) { self.ranges = ranges }

    /// The end of the range containing `i`, or nil. Positions must not decrease between calls.
    mutating func skip(at i: Int) -> Int? {
        while index < ranges.count && ranges[index].upperBound <= i { index += 1 }
        return index < ranges.count && ranges[index].contains(i) ? ranges[index].upperBound : nil
    }

    /// Whether `range` overlaps the range the cursor stands at.
    func overlapsCurrent(_ range: Range<Int>) -> Bool {
        index < ranges.count && ranges[index].overlaps(range)
    }
}
