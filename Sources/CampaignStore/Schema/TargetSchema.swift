/// Requirements and plans (migration v9 on SQLite, v6 on PostgreSQL), written once for both
/// dialects. Both belong to a campaign; a report counts those of its own campaign.
///
/// - `requirement`: a requirement (考核要求), keyed by its campaign and `key`, the content that
///   identifies it (kind, cycle, units, dates); `minimum` and `exempt` (organization ids joined
///   by `;`) are what a later file may change. `position` keeps the file order.
/// - `plan`: a plan (计划), keyed by its campaign and `id` (the file's, else one made of its
///   unit, kind and span), with its organization (a unit, or the top committee for the
///   institution itself).
///
/// Both carry the batch that last wrote them, like the record tables; an undo refuses their
/// batches (a corrected file is imported instead), as it does those of the organization tree.
enum TargetSchema {
  /// The DDL of the migration in a dialect.
  static func ddl(_ dialect: SQLDialect) -> String {
    let pg = dialect == .postgresql
    let text = pg ? "TEXT COLLATE \"C\"" : "TEXT"
    let int = pg ? "BIGINT" : "INTEGER"
    return """
      CREATE TABLE requirement (
        campaign \(text) NOT NULL,
        key \(text) NOT NULL,
        kind \(text) NOT NULL,
        minimum \(int) NOT NULL,
        per \(text) NOT NULL,
        applies_to \(text) NOT NULL,
        exempt \(text) NOT NULL,
        from_day \(text),
        to_day \(text),
        position \(int) NOT NULL,
        batch \(int) NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign, key)
      );
      CREATE TABLE plan (
        campaign \(text) NOT NULL,
        id \(text) NOT NULL,
        organization \(text) NOT NULL,
        kind \(text) NOT NULL,
        target \(int) NOT NULL,
        from_day \(text) NOT NULL,
        to_day \(text) NOT NULL,
        position \(int) NOT NULL,
        batch \(int) NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign, id)
      );
      """
  }
}
