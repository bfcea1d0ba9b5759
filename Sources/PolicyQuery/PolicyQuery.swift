import PolicyStore

/// Search, show, export, stats, cross-reference and diff over the index. Filled in by later issues.
public enum PolicyQueryInfo {
    public static let schemaVersion = PolicyStoreInfo.schemaVersion
}
