import PolicyCore

/// A calendar period named by the text: a year, half year, quarter, month, 旬, day, decade, or a
/// stretch of months (`前三季度`), as an inclusive range of dates.
struct CalendarPeriod: Sendable, Equatable {
    var start: CivilDate
    var end: CivilDate
    /// The year the period lies in (its first year), for dates that follow without one.
    var year: Int
    /// The month, when the period lies in one month (`3月`, `3月5日`, `6月上旬`).
    var month: Int?
    /// A single day.
    var isDay = false
    /// `年底`, `月底`, `季度末`: the end of the period, a deadline.
    var isEdge = false
    /// The year was written (not taken from the document's date).
    var hasWrittenYear = false
    /// Written as a range inside one year or month (`8月至11月`, `4月12-19日`).
    var isRange = false

    static func year(_ y: Int) -> CalendarPeriod? {
        guard let start = CivilDate.firstOf(year: y), let end = CivilDate.lastOf(year: y) else { return nil }
        return CalendarPeriod(start: start, end: end, year: y)
    }

    static func years(_ first: Int, through last: Int) -> CalendarPeriod? {
        guard let start = CivilDate.firstOf(year: first), let end = CivilDate.lastOf(year: last) else { return nil }
        return CalendarPeriod(start: start, end: end, year: first)
    }

    static func months(_ first: Int, through last: Int, of y: Int) -> CalendarPeriod? {
        guard (1...12).contains(first), (first...12).contains(last),
              let start = CivilDate.firstOf(year: y, month: first), let end = CivilDate.lastOf(year: y, month: last)
        else { return nil }
        return CalendarPeriod(start: start, end: end, year: y, month: first == last ? first : nil)
    }

    static func month(_ m: Int, of y: Int) -> CalendarPeriod? { months(m, through: m, of: y) }

    static func day(_ d: Int, month m: Int, year y: Int) -> CalendarPeriod? {
        guard let date = CivilDate(year: y, month: m, day: d) else { return nil }
        return CalendarPeriod(start: date, end: date, year: y, month: m, isDay: true)
    }

    static func on(_ date: CivilDate) -> CalendarPeriod {
        CalendarPeriod(start: date, end: date, year: date.year, month: date.month, isDay: true)
    }

    /// 上旬 (1–10), 中旬 (11–20), 下旬 (21–end).
    static func xun(_ part: Int, month m: Int, year y: Int) -> CalendarPeriod? {
        guard let first = CivilDate(year: y, month: m, day: part * 10 + 1), let last = CivilDate.lastOf(year: y, month: m)
        else { return nil }
        let end = part == 2 ? last : first.adding(days: 9)
        return CalendarPeriod(start: first, end: end, year: y, month: m)
    }

    /// Quarter `q` (1–4) of `y`.
    static func quarter(_ q: Int, of y: Int) -> CalendarPeriod? { months(3 * q - 2, through: 3 * q, of: y) }

    /// The month `offset` months from `date`'s month.
    static func month(offset: Int, from date: CivilDate) -> CalendarPeriod? {
        let shifted = CivilDate(year: date.year, month: date.month, day: 1) ?? date
        let target = shifted.adding(months: offset)
        return month(target.month, of: target.year)
    }
}

/// What a time record says about a period: the contract's relation and bounds.
struct TimeValue: Sendable, Equatable {
    var relation: TimeRelation
    var start: CivilDate?
    var end: CivilDate?
    var duration: String? = nil
    /// Read without a written year (今年, 本年度, 3月底前): resolved from the document's date.
    var hasNoWrittenYear = false

    var record: RecordValue { .time(relation: relation, start: start, end: end, duration: duration) }
}
