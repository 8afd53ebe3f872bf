import Testing

@testable import CampaignStore

/// The parts of the PostgreSQL backend that need no server.
@Suite("PostgreSQL backend without a server")
struct PostgresPartsTests {
  @Test(
    "a URL loses its password (in the user part and in the query) for messages and logs",
    arguments: [
      ("postgresql://report:s3cret@db.example:5432/campaign", "postgresql://report@db.example:5432/campaign"),
      ("postgres://report@127.0.0.1/campaign", "postgres://report@127.0.0.1/campaign"),
      ("postgresql://u:p%40ss@h/db?sslmode=require&password=x", "postgresql://u@h/db?sslmode=require&password=***"),
      ("postgresql://h:5433", "postgresql://h:5433"),
      ("postgresql://u:pa/ss@h/db", "postgresql://u@h/db"),
      ("postgresql://u:p@ss@h:5432/db", "postgresql://u@h:5432/db"),
      ("postgresql:///campaign?host=/run/postgresql", "postgresql:///campaign?host=/run/postgresql"),
    ])
  func redacted(_ given: String, _ shown: String) {
    #expect(PostgresURL(given)?.redacted == shown)
    #expect(CampaignStore.redacted(given) == shown)
  }

  @Test("only postgresql:// and postgres:// name a server; anything else is a SQLite file")
  func scheme() {
    #expect(CampaignStore.isServerURL("postgresql://h/db"))
    #expect(CampaignStore.isServerURL("postgres://h/db"))
    #expect(!CampaignStore.isServerURL("/srv/campaign/postgresql:db.sqlite"))
    #expect(!CampaignStore.isServerURL("campaign.sqlite"))
    #expect(CampaignStore.redacted("/srv/a:b@c.sqlite") == "/srv/a:b@c.sqlite")
  }

  @Test("placeholders are numbered outside quoted text and identifiers")
  func placeholders() {
    #expect(PostgresConnection.numbered("SELECT ? + ?") == ("SELECT $1 + $2", 2))
    #expect(
      PostgresConnection.numbered("SELECT '?', \"a?b\", ? WHERE x = 'it''s ?' AND y = ?") == (
        "SELECT '?', \"a?b\", $1 WHERE x = 'it''s ?' AND y = $2", 2
      ))
    #expect(PostgresConnection.numbered("SELECT 1") == ("SELECT 1", 0))
  }

  @Test("a connection failure that quotes the URL does not show its password")
  func quotedURL() {
    let message: String
    do {
      _ = try CampaignStore(path: "postgresql://u:hunter2@[::1/db", mode: .existing)
      Issue.record("connected")
      return
    } catch {
      message = error.message(in: .en)
    }
    #expect(!message.contains("hunter2"), "\(message)")
    #expect(message.contains("postgresql://u@[::1/db"))
    #expect(message.contains("the database URL is malformed"), "\(message)")
  }

  @Test("flags read from either backend's spelling")
  func flags() throws {
    #expect(try Bool(column: .int(1)) == true)
    #expect(try Bool(column: .int(0)) == false)
    #expect(try Bool(column: .text("t")) == true)
    #expect(try Bool(column: .text("f")) == false)
    #expect(try Int(column: .text("42")) == 42)
    #expect(throws: SQLValueError.self) { try Int(column: .text("4x")) }
    #expect(throws: SQLValueError.self) { try String(column: .int(3)) }
    #expect(try String?(column: .null) == nil)
  }
}
