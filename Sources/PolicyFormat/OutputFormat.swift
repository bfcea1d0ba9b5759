/// Output formats shared by every listing command (`--format`).
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal (Chinese counted as two columns).
    case table
    /// RFC 4180 comma-separated values.
    case csv
    /// Tab-separated values (tabs and newlines inside cells become spaces).
    case tsv
    /// One indented JSON array.
    case json
    /// JSON Lines: one object per line.
    case jsonl
    /// A readable outline (parse, show, diff).
    case text
    /// Markdown (diff reports).
    case markdown
}
