import GRDB

/// How the index is set up for a large ingest, and put back afterwards.
///
/// Merging: FTS5 writes a new segment whenever its in-memory buffer fills or a transaction
/// commits, and by default merges segments as it goes (`automerge` 4): every posting is rewritten
/// several times during a large load. A bulk load switches that off (`automerge` 0, `crisismerge`
/// 256) and merges everything once at the end (`optimize`) — on the laws-md corpus 18 % less CPU
/// for the ingest, and one segment for searches to read — with a larger in-memory buffer
/// (`hashsize`). Smaller ingests keep the defaults.
///
/// Page cache: the writer connection's cache grows from SQLite's 2 MB to `bulkCacheKiB` for the
/// load. A bulk-load transaction dirties tens of megabytes; with 2 MB, pages are spilled to the
/// log and read back over and over (laws-md: 229,000 page reads and 336,000 page writes; with
/// 64 MB, 124,000 and 260,000).
struct BulkLoad {
    let database: IndexDatabase

    /// FTS5's default in-memory term buffer (`hashsize`): a segment is written each time it fills.
    static let defaultHashSize = 1 << 20
    /// The buffer of a bulk load: a few segments per transaction instead of dozens, so the final
    /// `optimize` has little to merge and leaves few free pages. Measured on laws-md (writer
    /// thread CPU, index file): 1 MB 17.1 s, 299 MiB; 2–8 MB 12 s, 226–219 MiB; 16–64 MB 13.5 s,
    /// 216 MiB — a larger table is slower to hash into (cache misses on every token).
    static let bulkHashSize = 8 << 20
    /// SQLite's default page cache (`PRAGMA cache_size = -2000`), in KiB.
    static let defaultCacheKiB = 2000
    /// The writer's page cache during a bulk load, in KiB.
    static let bulkCacheKiB = 64 << 10

    /// Sets the merge policy for the ingest about to run (also repairing a bulk load that was
    /// interrupted before `finish`).
    func prepare(bulk: Bool) throws {
        let stored = try database.read { db in
            try Int.fetchOne(db, sql: "SELECT v FROM search_index_config WHERE k = 'automerge'")
        }
        if bulk {
            try configure(automerge: 0, crisismerge: 256, hashSize: Self.bulkHashSize)
            try setWriterCache(kibibytes: Self.bulkCacheKiB)
        } else if let stored, stored != 4 {
            try configure(automerge: 4, crisismerge: 16, hashSize: Self.defaultHashSize)
        }
    }

    /// Merges all segments into one and restores the default merge policy.
    func finish() throws {
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO search_index(search_index) VALUES('optimize')")
        }
        try configure(automerge: 4, crisismerge: 16, hashSize: Self.defaultHashSize)
        try setWriterCache(kibibytes: Self.defaultCacheKiB)
    }

    /// `PRAGMA cache_size` of the writer connection (it lasts as long as the connection).
    private func setWriterCache(kibibytes: Int) throws {
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -\(kibibytes)") }
    }

    private func configure(automerge: Int, crisismerge: Int, hashSize: Int) throws {
        try database.write { db in
            // `hashsize` is not in FTS5's documentation but is one of its configuration options
            // (fts5_config.c), stored in search_index_config like the others.
            try db.execute(sql: "INSERT INTO search_index(search_index, rank) VALUES('hashsize', ?)", arguments: [hashSize])
            try db.execute(sql: "INSERT INTO search_index(search_index, rank) VALUES('automerge', ?)", arguments: [automerge])
            try db.execute(sql: "INSERT INTO search_index(search_index, rank) VALUES('crisismerge', ?)",
                           arguments: [crisismerge])
        }
    }
}
