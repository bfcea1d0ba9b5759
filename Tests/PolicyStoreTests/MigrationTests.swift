import Foundation
import GRDB
@testable import PolicyStore
import Testing
import TestSupport

/// Stands in for the tokenizer of policyq before v2 (same name, other tokens): one token per
/// character, so that a bigram query cannot find anything until the index is rebuilt.
final class CharacterTokenizer: FTS5CustomTokenizer {
    static let name = PolicyFTS5Tokenizer.name

    init(db: Database, arguments: [String]) throws {}

    func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?,
                  nText: CInt, tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self),
                                        count: Int(nText))
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let n = min(bytes.count - i, lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4)
            let rc = tokenCallback(context, 0, pText + i, CInt(n), CInt(i), CInt(i + n))
            if rc != 0 { return rc }
            i += n
        }
        return 0
    }
}

@Suite("schema migrations")
struct MigrationTests {
    @Test("a v1 index is upgraded by ingest: its full-text index is rebuilt for the bigram tokenizer")
    func bigramRebuild() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("v1.db").path
        var configuration = Configuration()
        configuration.prepareDatabase { db in db.add(tokenizer: CharacterTokenizer.self) }
        let old = try DatabaseQueue(path: path, configuration: configuration)
        try IndexSchema.migrator.migrate(old, upTo: "v1")
        try old.write { db in
            try db.execute(sql: "INSERT INTO search_index (title, heading, body, document_pk) VALUES (?, ?, ?, ?)",
                           arguments: ["关于财政部的通知", "", "省财政厅负责。", 1])
        }
        try old.close()
        // Read with today's tokenizer, the old tokens hold no bigram to find.
        let expression = FullTextPhrase.expression(for: "财政")
        var current = Configuration()
        current.prepareDatabase { db in db.add(tokenizer: PolicyFTS5Tokenizer.self) }
        let stale = try DatabaseQueue(path: path, configuration: current)
        let before = try stale.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH ?", arguments: [expression])
        }
        #expect(before == 0)
        try stale.close()

        // Reading commands ask for an upgrade; ingest (opening for writing) performs it.
        #expect(throws: StoreError.olderSchema(path: path)) { try IndexDatabase.openForReading(path: path) }
        _ = try IndexDatabase.openForWriting(path: path)
        let upgraded = try IndexDatabase.openForReading(path: path)
        let hits = try upgraded.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM search_index WHERE search_index MATCH ?", arguments: [expression])
        }
        #expect(hits == ["省财政厅负责。"])
        let one = try upgraded.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                             arguments: [FullTextPhrase.expression(for: "厅")])
        }
        #expect(one == 1)
        let versions = try upgraded.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(versions == IndexSchema.migrationNames)
    }
}
