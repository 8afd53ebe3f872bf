/// The web workbench's tables (migration v8 on SQLite, v5 on PostgreSQL), written once for both
/// dialects.
///
/// - `office_user`: the office's accounts (办公室用户), with a bcrypt hash of the password.
/// - `access_token`: the hashes of the tokens that open the workbench without a password: a
///   unit's link (`kind` = `link`, `subject` = the unit's id) or a script's API token (`kind` =
///   `api`, `subject` = its name). Only a SHA-256 of each token is kept; `generation` counts a
///   unit's revocations, so a revoked link's token is never derived again.
/// - `workbench_key`: one random key from which the units' link tokens and the forms' CSRF
///   fields are derived (HMAC-SHA-256), so `report links` can print the same links again.
enum WorkbenchSchema {
  static func ddl(_ dialect: SQLDialect) -> String {
    let pg = dialect == .postgresql
    let text = pg ? "TEXT COLLATE \"C\"" : "TEXT"
    let int = pg ? "BIGINT" : "INTEGER"
    return """
      CREATE TABLE office_user (
        name \(text) PRIMARY KEY NOT NULL,
        password_hash \(text) NOT NULL,
        created \(text) NOT NULL
      );
      CREATE TABLE access_token (
        kind \(text) NOT NULL,
        subject \(text) NOT NULL,
        token_hash \(text) NOT NULL,
        generation \(int) NOT NULL,
        created \(text) NOT NULL,
        PRIMARY KEY (kind, subject)
      );
      CREATE TABLE workbench_key (
        id \(int) PRIMARY KEY NOT NULL,
        key \(text) NOT NULL
      );
      """
  }
}
