import GRDB

/// The `policyq_cjk` FTS5 tokenizer: `ChineseTokenizer` behind SQLite's C interface.
///
/// A low-level `FTS5CustomTokenizer`, not a wrapper: a wrapper's tokens all carry the wrapped
/// token's offsets, and highlighting needs each character's own. Registered on every connection
/// by `IndexDatabase` (`Configuration.prepareDatabase`), so pool readers know it as well.
public final class PolicyFTS5Tokenizer: FTS5CustomTokenizer {
    public static let name = "policyq_cjk"

    private var tokenizer = ChineseTokenizer()

    public init(db: Database, arguments: [String]) throws {}

    public func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        // Highlighting (FTS5_TOKENIZE_AUX) reads the document's own tokens and positions.
        let mode: ChineseTokenizer.Mode = tokenization.contains(.query) ? .query : .document
        let text = UnsafeBufferPointer(start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self),
                                       count: Int(nText))
        return tokenizer.tokenize(text, mode: mode) { token, _, start, end in
            token.withMemoryRebound(to: CChar.self) { bytes in
                tokenCallback(context, 0, bytes.baseAddress, CInt(bytes.count), CInt(start), CInt(end))
            }
        }
    }
}
