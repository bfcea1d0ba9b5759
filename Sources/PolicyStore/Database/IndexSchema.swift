import GRDB

/// The tables of a policyq index and their versioned migrations.
///
/// - `files`: one row per ingested file (path, content hash, size, mtime) — the basis of
///   incremental ingest.
/// - `documents`, `clauses`, `records`: the data contract's objects, one column per contract
///   field, joined by integer keys `pk`; a file's rows go when its file row goes
///   (`ON DELETE CASCADE`). Ids are not repeated on every row: clauses and records store their
///   `key`, the part of the id after the document id (`#三/(一)`, `@120:amount`), so that
///   `id = documents.id || key`; `StoredObjects` assembles them.
/// - `search_index`: the FTS5 table (tokenizer `policyq_cjk`), which also holds the text: one
///   row per clause (its heading and text; the clause's `pk` is that row's rowid) and one per
///   document (its title and the text outside its clauses; `documents.fts_rowid`). Clause text
///   is stored there only, not twice. Rowids only ever grow while a file is written: FTS5
///   flushes its whole in-memory index whenever a rowid is smaller than the one before.
public enum IndexSchema {
    /// Stored in `PRAGMA application_id` ("polq"), so that policyq recognizes its own files.
    public static let applicationID: Int32 = 0x706F_6C71

    /// The latest schema version this build writes (the number of migrations).
    public static var version: Int { migrationNames.count }

    static let migrationNames = ["v1", "v2-bigram-index"]

    /// bm25 weights of the full-text columns, in order: title, heading, body.
    public static let rankWeights = "10.0, 4.0, 1.0"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE files (
                    pk INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,          -- absolute, standardized: the key of incremental ingest
                    source TEXT NOT NULL,               -- the path as given on the command line
                    content_hash TEXT NOT NULL,         -- SHA-256 of the bytes, hex
                    size INTEGER NOT NULL,
                    mtime REAL NOT NULL,                -- seconds since 1970
                    format TEXT NOT NULL,
                    documents INTEGER NOT NULL,
                    clauses INTEGER NOT NULL,
                    records INTEGER NOT NULL,
                    warnings INTEGER NOT NULL,
                    indexed_at TEXT NOT NULL
                );
                CREATE TABLE documents (
                    pk INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    base_id TEXT NOT NULL,              -- the id before disambiguation (see IndexWriter)
                    file_pk INTEGER NOT NULL REFERENCES files(pk) ON DELETE CASCADE,
                    position INTEGER NOT NULL,          -- 0-based order of the document in its file
                    source TEXT NOT NULL,
                    title TEXT NOT NULL,
                    doc_number TEXT,
                    issuers TEXT NOT NULL,              -- JSON array
                    issuers_text TEXT NOT NULL,         -- the issuers one per line, for filters
                    date TEXT,
                    year INTEGER,
                    level TEXT NOT NULL,
                    region TEXT,
                    province TEXT,                      -- province of region (itself for a province)
                    doc_type TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    format TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    metadata TEXT,                      -- JSON array of [key, value] pairs, or NULL
                    fts_rowid INTEGER                   -- its own row in search_index
                );
                CREATE INDEX documents_file ON documents(file_pk);
                CREATE INDEX documents_base_id ON documents(base_id);
                CREATE INDEX documents_doc_number ON documents(doc_number);
                CREATE TABLE clauses (
                    pk INTEGER PRIMARY KEY,             -- = its rowid in search_index, which holds its text
                    document_pk INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
                    position INTEGER NOT NULL,          -- 0-based order in the document
                    key TEXT NOT NULL,                  -- id = documents.id || key (key_is_suffix), else key
                    key_is_suffix INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    label TEXT NOT NULL,
                    ordinal INTEGER NOT NULL,
                    depth INTEGER NOT NULL,
                    heading TEXT,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    parent_path TEXT,
                    line INTEGER NOT NULL
                );
                -- Keys are unique within a document by construction (PreparedFile); no index on them.
                CREATE INDEX clauses_document ON clauses(document_pk);
                CREATE TABLE records (
                    pk INTEGER PRIMARY KEY,
                    document_pk INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
                    clause_pk INTEGER REFERENCES clauses(pk) ON DELETE CASCADE,
                    key TEXT NOT NULL,                  -- id = documents.id || key (key_is_suffix), else key
                    key_is_suffix INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    value REAL, qualifier TEXT, inclusive INTEGER, min REAL, max REAL,
                    currency TEXT, per TEXT, unit TEXT, points INTEGER,
                    relation TEXT, date_start TEXT, date_end TEXT, duration TEXT,
                    name TEXT, normalized TEXT, role TEXT,
                    title TEXT, cited_doc_number TEXT, target TEXT
                );
                CREATE INDEX records_document ON records(document_pk, kind);
                CREATE INDEX records_clause ON records(clause_pk, kind);
                """)
            try db.execute(sql: """
                CREATE VIRTUAL TABLE search_index USING fts5(
                    title, heading, body, document_pk UNINDEXED,
                    tokenize = '\(PolicyFTS5Tokenizer.name)'
                )
                """)
        }
        // v1 indexes hold a unigram and a colocated bigram per Han character; from v2 the
        // tokenizer writes one token per character (see ChineseTokenizer) and queries are built
        // for that, so the full-text index is rebuilt from the text the table stores. An empty
        // (new) table costs nothing.
        migrator.registerMigration("v2-bigram-index") { db in
            try db.execute(sql: "INSERT INTO search_index(search_index) VALUES('rebuild')")
        }
        return migrator
    }
}
