/// Campaigns as records (migration v7 on SQLite, v4 on PostgreSQL), written once for both
/// dialects.
///
/// - `campaign`: code, name, first and last day (NULL: open), in the order added.
/// - `campaign_kind`: each campaign's catalogue of kinds, in display order; it replaces the
///   store-wide `kind` table.
/// - `campaign_level`: each campaign's media levels, in display order.
/// - `campaign_setting`: each campaign's settings (all but `institution` and `office`, which
///   stay in `setting`; the name and span are the campaign's own columns).
///
/// The migration turns an existing store into one campaign holding its current settings and
/// catalogue, so every report it made before reads the same after. Its code is the year of
/// `campaign_start` when that is set, else `default`.
enum CampaignSchema {
  /// The campaign settings as they were when campaigns became records (frozen: a later
  /// setting needs no migration, it is simply stored per campaign).
  static let movedSettings = [
    "rate_divisor", "branch_study_kind", "supervision_kind", "briefing_title", "briefing_issuer", "briefing_first_month",
    "briefing_to", "briefing_cc", "templates_dir", "submission_deadline",
  ]

  /// The DDL of the migration in a dialect.
  static func ddl(_ dialect: SQLDialect) -> String {
    let pg = dialect == .postgresql
    let text = pg ? "TEXT COLLATE \"C\"" : "TEXT"
    let code = pg ? text : "TEXT COLLATE NOCASE"
    let moved = movedSettings.map { "'\($0)'" }.joined(separator: ", ")
    let first = "(SELECT code FROM campaign)"
    let levels = [
      ("national", "国家级", "national"), ("regional", "区级", "regional"), ("league", "盟级", "league"), ("institution", "校级", "institution"),
    ]
    return """
      CREATE TABLE campaign (
        code \(text) PRIMARY KEY NOT NULL,
        name \(text) NOT NULL,
        start_day \(text),
        end_day \(text),
        position INTEGER NOT NULL
      );
      CREATE TABLE campaign_kind (
        campaign \(text) NOT NULL,
        code \(code) NOT NULL,
        name \(text) NOT NULL,
        name_en \(text) NOT NULL,
        measure \(text) NOT NULL,
        measure_en \(text) NOT NULL,
        category \(text) NOT NULL,
        category_name \(text) NOT NULL,
        category_name_en \(text) NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (campaign, code)
      );
      \(pg ? "CREATE UNIQUE INDEX campaign_kind_code_nocase ON campaign_kind (campaign, lower(code));" : "")
      CREATE TABLE campaign_level (
        campaign \(text) NOT NULL,
        code \(code) NOT NULL,
        name \(text) NOT NULL,
        name_en \(text) NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (campaign, code)
      );
      CREATE TABLE campaign_setting (
        campaign \(text) NOT NULL,
        key \(text) NOT NULL,
        value \(text) NOT NULL,
        PRIMARY KEY (campaign, key)
      );
      INSERT INTO campaign (code, name, start_day, end_day, position) VALUES (
        COALESCE((SELECT substr(value, 1, 4) FROM setting WHERE key = 'campaign_start' AND value <> ''), 'default'),
        COALESCE((SELECT value FROM setting WHERE key = 'campaign' AND value <> ''), '党史学习教育'),
        (SELECT value FROM setting WHERE key = 'campaign_start' AND value <> ''),
        NULL, 1);
      INSERT INTO campaign_kind
        SELECT \(first), code, name, name_en, measure, measure_en, category, category_name, category_name_en, position FROM kind;
      INSERT INTO campaign_level (campaign, code, name, name_en, position) VALUES
      \(levels.enumerated().map { i, l in "  (\(first), '\(l.0)', '\(l.1)', '\(l.2)', \(i))" }.joined(separator: ",\n"));
      INSERT INTO campaign_setting SELECT \(first), key, value FROM setting WHERE key IN (\(moved));
      DELETE FROM setting WHERE key IN (\(moved), 'campaign', 'campaign_start');
      DROP TABLE kind;
      """
  }
}
