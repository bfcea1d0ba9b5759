import PolicyCore

/// The SQLite index (GRDB). Filled in by the store issue.
public enum PolicyStoreInfo {
    /// Schema version the code writes.
    public static let schemaVersion = 0
}
