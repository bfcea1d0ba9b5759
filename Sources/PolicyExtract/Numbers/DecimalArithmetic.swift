import PolicyCore

extension DecimalNumber {
    /// The exact sum, or nil if it does not fit (`100万零54元4角3分` → 1000054.43 exactly).
    func adding(_ other: DecimalNumber) -> DecimalNumber? {
        var a = self, b = other
        // Bring both to the smaller exponent.
        while a.exponent > b.exponent {
            let (m, o) = a.mantissa.multipliedReportingOverflow(by: 10)
            if o { return nil }
            a = DecimalNumber(mantissa: m, exponent: a.exponent - 1)
        }
        while b.exponent > a.exponent {
            let (m, o) = b.mantissa.multipliedReportingOverflow(by: 10)
            if o { return nil }
            b = DecimalNumber(mantissa: m, exponent: b.exponent - 1)
        }
        let (sum, o) = a.mantissa.addingReportingOverflow(b.mantissa)
        return o ? nil : DecimalNumber(mantissa: sum, exponent: a.exponent)
    }

    var negated: DecimalNumber { DecimalNumber(mantissa: -mantissa, exponent: exponent) }
}
