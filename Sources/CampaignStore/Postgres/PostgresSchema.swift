/// The store's schema on PostgreSQL, as named, append-only migrations like SQLite's
/// (`Migrations`). Never edit a shipped migration: add one.
///
/// The tables and columns are SQLite's, with three differences:
/// - every text column compares by code point (`COLLATE "C"`), as SQLite does, so sorting and
///   date comparisons give the same rows in the same order;
/// - `activity.seq` orders activities as inserted, where SQLite has its `rowid`;
/// - the months a transaction touched go to a temporary table of the session
///   (`activity_month_dirty`, made by `PostgresBackend`), so concurrent imports never wait on
///   one another's marks; statement-level triggers write to it.
enum PostgresSchema {
  static let migrations: [(name: String, sql: String)] = [
    ("v1-records", v1), ("v2-activity-month-running", v2), ("v3-batches", BatchSchema.ddl(.postgresql)),
    ("v4-campaigns", CampaignSchema.ddl(.postgresql)), ("v5-workbench", WorkbenchSchema.ddl(.postgresql)),
    ("v6-targets", TargetSchema.ddl(.postgresql)),
  ]

  /// Running totals of the monthly sums (see `ActivityMonths`); `PostgresBackend` fills them.
  private static let v2 = """
    CREATE TABLE activity_month_running (
      month \(text) NOT NULL,
      unit \(text) NOT NULL,
      kind \(text) NOT NULL,
      count BIGINT NOT NULL,
      hours BIGINT NOT NULL,
      participants BIGINT NOT NULL,
      PRIMARY KEY (month, unit, kind)
    );
    """

  private static let text = "TEXT COLLATE \"C\""

  private static let v1 = """
    CREATE TABLE setting (
      key \(text) PRIMARY KEY,
      value \(text) NOT NULL
    );
    CREATE TABLE kind (
      code \(text) PRIMARY KEY,
      name \(text) NOT NULL,
      name_en \(text) NOT NULL,
      measure \(text) NOT NULL,
      measure_en \(text) NOT NULL,
      category \(text) NOT NULL,
      category_name \(text) NOT NULL,
      category_name_en \(text) NOT NULL,
      position BIGINT NOT NULL
    );
    -- Codes are unique without regard to case, as SQLite's COLLATE NOCASE makes them.
    CREATE UNIQUE INDEX kind_code_nocase ON kind (lower(code));
    CREATE TABLE organization (
      id \(text) PRIMARY KEY,
      name \(text) NOT NULL,
      kind \(text) NOT NULL,
      parent \(text),
      counted INTEGER NOT NULL,
      position BIGINT NOT NULL,
      unit \(text)
    );
    CREATE INDEX organization_unit ON organization(unit);
    CREATE INDEX organization_name ON organization(name);
    CREATE TABLE activity (
      seq BIGINT GENERATED ALWAYS AS IDENTITY,
      key \(text) NOT NULL UNIQUE,
      id \(text),
      date \(text) NOT NULL,
      organization \(text) NOT NULL,
      kind \(text) NOT NULL,
      title \(text) NOT NULL,
      hours BIGINT NOT NULL,
      participants BIGINT NOT NULL,
      count BIGINT NOT NULL,
      level \(text),
      lead \(text) NOT NULL,
      note \(text) NOT NULL
    );
    CREATE INDEX activity_date ON activity(date, kind, organization) INCLUDE (count, hours, participants);
    CREATE TABLE matter (
      id \(text) PRIMARY KEY,
      title \(text) NOT NULL,
      organization \(text) NOT NULL,
      raised \(text) NOT NULL,
      owner \(text),
      claimed \(text),
      due \(text),
      status \(text) NOT NULL,
      resolved \(text),
      key_project INTEGER NOT NULL,
      note \(text) NOT NULL
    );
    CREATE INDEX matter_raised ON matter(raised);
    CREATE INDEX matter_organization ON matter(organization);
    CREATE TABLE feedback (
      key \(text) NOT NULL UNIQUE,
      id \(text),
      date \(text) NOT NULL,
      organization \(text) NOT NULL,
      channel \(text) NOT NULL,
      content \(text) NOT NULL,
      matter \(text)
    );
    CREATE INDEX feedback_date ON feedback(date);
    CREATE INDEX feedback_matter ON feedback(matter);
    CREATE TABLE activity_month (
      month \(text) NOT NULL,
      unit \(text) NOT NULL,
      kind \(text) NOT NULL,
      count BIGINT NOT NULL,
      hours BIGINT NOT NULL,
      participants BIGINT NOT NULL,
      PRIMARY KEY (month, unit, kind)
    );
    CREATE TABLE activity_month_kind (
      month \(text) NOT NULL,
      kind \(text) NOT NULL,
      count BIGINT NOT NULL,
      hours BIGINT NOT NULL,
      participants BIGINT NOT NULL,
      PRIMARY KEY (month, kind)
    );
    -- Statement-level triggers: the importer writes rows in batches, so the months of a batch
    -- are marked once per statement, from its transition tables.
    CREATE FUNCTION activity_month_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO activity_month_dirty SELECT DISTINCT substr(date, 1, 7) FROM new_rows ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$;
    CREATE FUNCTION activity_month_mark_old() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO activity_month_dirty SELECT DISTINCT substr(date, 1, 7) FROM old_rows ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$;
    CREATE TRIGGER activity_month_insert AFTER INSERT ON activity
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_mark_new();
    CREATE TRIGGER activity_month_update_new AFTER UPDATE ON activity
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_mark_new();
    CREATE TRIGGER activity_month_update_old AFTER UPDATE ON activity
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_mark_old();
    CREATE TRIGGER activity_month_delete AFTER DELETE ON activity
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_mark_old();
    """

  /// The session's table of months to refresh; the triggers find it first on the search path.
  static let sessionTables = """
    CREATE TEMP TABLE IF NOT EXISTS activity_month_dirty (month TEXT COLLATE "C" PRIMARY KEY) ON COMMIT DELETE ROWS
    """
}
