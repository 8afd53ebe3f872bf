import GRDB

/// The store's schema as named, append-only migrations. Never edit a shipped migration: add one.
enum Migrations {
  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1-records") { db in
      try db.execute(
        sql: """
          CREATE TABLE setting (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
          );
          CREATE TABLE kind (
            code TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
            name TEXT NOT NULL,
            name_en TEXT NOT NULL,
            measure TEXT NOT NULL,
            measure_en TEXT NOT NULL,
            category TEXT NOT NULL,
            category_name TEXT NOT NULL,
            category_name_en TEXT NOT NULL,
            position INTEGER NOT NULL
          );
          -- unit: the direct child of the root that this organization counts for
          -- (itself for a unit, NULL for the root); recomputed after every organizations import.
          CREATE TABLE organization (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            parent TEXT,
            counted INTEGER NOT NULL,
            position INTEGER NOT NULL,
            unit TEXT
          );
          CREATE INDEX organization_unit ON organization(unit);
          CREATE INDEX organization_name ON organization(name);
          -- key: "id:<user id>" or "row:<content hash>:<occurrence>" for rows without an id.
          -- hours in hundredths, so sums are exact.
          CREATE TABLE activity (
            key TEXT NOT NULL UNIQUE,
            id TEXT,
            date TEXT NOT NULL,
            organization TEXT NOT NULL,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            hours INTEGER NOT NULL,
            participants INTEGER NOT NULL,
            count INTEGER NOT NULL,
            level TEXT,
            lead TEXT NOT NULL,
            note TEXT NOT NULL
          );
          -- One covering index serves every statistics query (by date, then kind and unit):
          -- they read it alone, never the table.
          CREATE INDEX activity_date ON activity(date, kind, organization, count, hours, participants);
          CREATE TABLE matter (
            id TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            organization TEXT NOT NULL,
            raised TEXT NOT NULL,
            owner TEXT,
            claimed TEXT,
            due TEXT,
            status TEXT NOT NULL,
            resolved TEXT,
            key_project INTEGER NOT NULL,
            note TEXT NOT NULL
          );
          CREATE INDEX matter_raised ON matter(raised);
          CREATE INDEX matter_organization ON matter(organization);
          CREATE TABLE feedback (
            key TEXT NOT NULL UNIQUE,
            id TEXT,
            date TEXT NOT NULL,
            organization TEXT NOT NULL,
            channel TEXT NOT NULL,
            content TEXT NOT NULL,
            matter TEXT
          );
          CREATE INDEX feedback_date ON feedback(date);
          CREATE INDEX feedback_matter ON feedback(matter);
          """)
    }
    m.registerMigration("v2-activity-month") { db in
      // Sums of activities per month, unit ('' for the committee itself) and kind, so a report
      // reads whole months from a few hundred rows instead of scanning the records. Triggers
      // mark the months a write touches; `ActivityMonths.refresh` recomputes them before the
      // writing transaction commits. The months of existing records are marked here and
      // computed after the last migration (v3's table must exist first).
      try db.execute(
        sql: """
          CREATE TABLE activity_month (
            month TEXT NOT NULL,
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            count INTEGER NOT NULL,
            hours INTEGER NOT NULL,
            participants INTEGER NOT NULL,
            PRIMARY KEY (month, unit, kind)
          ) WITHOUT ROWID;
          CREATE TABLE activity_month_dirty (month TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
          CREATE TRIGGER activity_month_insert AFTER INSERT ON activity BEGIN
            INSERT OR IGNORE INTO activity_month_dirty VALUES (substr(NEW.date, 1, 7));
          END;
          CREATE TRIGGER activity_month_update AFTER UPDATE ON activity BEGIN
            INSERT OR IGNORE INTO activity_month_dirty VALUES (substr(OLD.date, 1, 7));
            INSERT OR IGNORE INTO activity_month_dirty VALUES (substr(NEW.date, 1, 7));
          END;
          CREATE TRIGGER activity_month_delete AFTER DELETE ON activity BEGIN
            INSERT OR IGNORE INTO activity_month_dirty VALUES (substr(OLD.date, 1, 7));
          END;
          INSERT OR IGNORE INTO activity_month_dirty SELECT DISTINCT substr(date, 1, 7) FROM activity;
          """)
    }
    m.registerMigration("v3-activity-month-kind") { db in
      // The same sums without the unit: the per-kind figures read a few rows a month.
      try db.execute(
        sql: """
          CREATE TABLE activity_month_kind (
            month TEXT NOT NULL,
            kind TEXT NOT NULL,
            count INTEGER NOT NULL,
            hours INTEGER NOT NULL,
            participants INTEGER NOT NULL,
            PRIMARY KEY (month, kind)
          ) WITHOUT ROWID;
          INSERT INTO activity_month_kind
            SELECT month, kind, SUM(count), SUM(hours), SUM(participants) FROM activity_month GROUP BY month, kind;
          """)
    }
    m.registerMigration("v4-activity-month-running") { db in
      // Running totals of the monthly sums, so sums over many whole months read two months'
      // rows. Every month with records is marked, so the refresh after the migrations fills it.
      try db.execute(
        sql: """
          CREATE TABLE activity_month_running (
            month TEXT NOT NULL,
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            count INTEGER NOT NULL,
            hours INTEGER NOT NULL,
            participants INTEGER NOT NULL,
            PRIMARY KEY (month, unit, kind)
          ) WITHOUT ROWID;
          INSERT OR IGNORE INTO activity_month_dirty SELECT DISTINCT month FROM activity_month;
          """)
    }
    m.registerMigration("v5-activity-insert-marks-by-importer") { db in
      // A row-level trigger costs SQLite more than the insert it follows (about 4 µs a row: a
      // million-row import took 13.9 s with it, 9.8 s without). The importer now marks the
      // months of the rows it adds (`ActivityImporter`), once per month, not once per row.
      // Updates and deletes are rare and keep their triggers.
      try db.execute(sql: "DROP TRIGGER activity_month_insert")
    }
    m.registerMigration("v6-batches") { db in
      // Every import, submission, return (退回) and undo is a numbered batch; records carry the
      // batch that last wrote them (0: before batches existed), and the history tables keep the
      // rows a batch changed or removed as they were before it, so `report undo` can put them
      // back. Updates are caught by triggers; removals are written by the importer itself.
      try db.execute(sql: BatchSchema.ddl(.sqlite))
    }
    m.registerMigration("v7-campaigns") { db in
      // Campaigns become records, each with its own catalogue, media levels and settings; the
      // store's single campaign becomes the first of them (`CampaignSchema`).
      try db.execute(sql: CampaignSchema.ddl(.sqlite))
    }
    m.registerMigration("v8-workbench") { db in
      // The web workbench's office accounts, token hashes and link key (`WorkbenchSchema`).
      try db.execute(sql: WorkbenchSchema.ddl(.sqlite))
    }
    m.registerMigration("v9-targets") { db in
      // Requirements and plans, per campaign (`TargetSchema`).
      try db.execute(sql: TargetSchema.ddl(.sqlite))
    }
    return m
  }
}
