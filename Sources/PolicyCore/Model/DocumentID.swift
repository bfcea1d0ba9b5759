/// Stable document ids (contract: the doc number when there is one, else a slug of file + title).
public enum DocumentID {
    /// The id of a document: its 发文字号 if it has one, else `slug(source:title:)`.
    public static func make(docNumber: String?, source: String, title: String) -> String {
        if let number = docNumber, !number.isEmpty { return number }
        return slug(source: source, title: title)
    }

    /// `<file name without extension>` plus `--<title>` when the file name does not already contain
    /// the title; spaces and punctuation become `-`, Chinese is kept (ids are typed by Chinese users).
    public static func slug(source: String, title: String) -> String {
        var stem = source.split(separator: "/").last.map(String.init) ?? source
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        let cleanStem = clean(stem)
        let cleanTitle = clean(String(title.prefix(40)))
        if cleanTitle.isEmpty || cleanStem.contains(cleanTitle) { return cleanStem.isEmpty ? "document" : cleanStem }
        return cleanStem.isEmpty ? cleanTitle : cleanStem + "--" + cleanTitle
    }

    /// Keeps letters, digits, Hanzi and `〔〕()._`; everything else becomes a single `-`.
    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for c in text.unicodeScalars {
            let keep = c.isHan || c.isASCIIAlphanumeric || "〔〕()._".unicodeScalars.contains(c)
                || (c.properties.isAlphabetic && c.value > 0x7F)
            if keep {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(c)
            } else {
                pendingDash = true
            }
        }
        return String(out)
    }
}
