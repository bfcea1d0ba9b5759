/// Character classes the normalizer, segmenter and extractor share. All work on `Unicode.Scalar`
/// and are cheap range checks — they sit on hot paths.
extension Unicode.Scalar {
    /// CJK Unified Ideographs (basic block, extension A, compatibility ideographs, extensions B+).
    @inlinable public var isHan: Bool {
        let v = value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3134F).contains(v) || v == 0x3007 /* 〇 */
    }

    /// Punctuation and symbols of the CJK blocks (、。《》“” …) and full-width forms.
    @inlinable public var isCJKPunctuation: Bool {
        let v = value
        return (0x3000...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v) || (0x2018...0x201F).contains(v)
            || v == 0x2014 || v == 0x2015 || v == 0x2026 || v == 0x00B7 || v == 0x30FB || v == 0x00AB || v == 0x00BB
    }

    /// Characters that occupy two terminal columns and never take spaces around them in Chinese text.
    @inlinable public var isWide: Bool { isHan || isCJKPunctuation || (0xAC00...0xD7A3).contains(value) }

    @inlinable public var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    @inlinable public var isASCIILetter: Bool { (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
    @inlinable public var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }

    /// Space-like characters: ASCII space and tab, ideographic space, no-break space and the other
    /// Unicode space separators. Line terminators are not included.
    @inlinable public var isInlineSpace: Bool {
        let v = value
        return v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 || (0x2000...0x200B).contains(v) || v == 0x202F
            || v == 0x205F || v == 0xFEFF || v == 0x0B || v == 0x0C
    }

    @inlinable public var isLineTerminator: Bool {
        value == 0x0A || value == 0x0D || value == 0x85 || value == 0x2028 || value == 0x2029
    }

    /// Digits and numerals that can make up a Chinese or Arabic number (after NFKC).
    @inlinable public var isChineseNumeral: Bool { ChineseNumeral.digitValue(self) != nil || ChineseNumeral.unitValue(self) != nil }
}

extension Unicode.Scalar {
    /// Display width in a terminal: 2 for East Asian Wide and Fullwidth characters, 0 for combining
    /// marks and zero-width characters, 1 otherwise. (Swift's standard library has no such property.)
    public var displayWidth: Int {
        let v = value
        if v == 0 || v == 0x200B || v == 0xFEFF || (0x0300...0x036F).contains(v) || (0x200C...0x200F).contains(v)
            || (0xFE00...0xFE0F).contains(v) {
            return 0
        }
        if v < 0x1100 { return 1 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }
}

extension StringProtocol {
    /// Width of the string in terminal columns (see `Unicode.Scalar.displayWidth`).
    public var displayWidth: Int { unicodeScalars.reduce(0) { $0 + $1.displayWidth } }
}
