import CampaignModel
import Foundation

/// Which campaign a command works on.
public enum CampaignChoice: Sendable, Equatable {
  /// The campaign with this code (`--campaign CODE`).
  case code(String)
  /// The campaign in force on a day: the report rule. A day in no campaign's span is an error
  /// (`CampaignError.noCampaign`).
  case inForce(Day)
  /// The campaign in force on a day, else the latest started: what commands that do not report
  /// a period work on (settings, kinds, templates, status).
  case current(Day)

  /// `--campaign CODE` when given, else `fallback`.
  public static func given(_ code: String?, else fallback: CampaignChoice) -> CampaignChoice {
    code.map { .code($0) } ?? fallback
  }
}

/// What cannot be done with campaigns, with what to do instead.
public enum CampaignError: Error, Equatable, Sendable {
  /// `--campaign` names no campaign of the store.
  case unknownCampaign(code: String, known: [String])
  /// A report's period ends on a day no campaign's span holds.
  case noCampaign(day: Day, campaigns: [Campaign])
  /// `campaign add` of a code the store has.
  case duplicateCampaign(code: String)
  /// A code with other characters than letters, digits, - and _.
  case invalidCode(code: String)
  /// A campaign without a name.
  case emptyName
  /// The end lies before the start.
  case endBeforeStart(start: Day, end: Day)
  /// The catalogue given leaves a kind that a setting of the campaign names.
  case settingKindMissing(setting: String, kind: String)

  /// The message in a language, with what to do.
  public func message(in lang: Language) -> String {
    switch self {
    case .unknownCampaign(let code, let known):
      return lang.pick(
        "没有编码为“\(code)”的活动。已有的活动：\(known.joined(separator: "、"))（见 report campaign list）。",
        "there is no campaign '\(code)'. The store has: \(known.joined(separator: ", ")) (see report campaign list).")
    case .noCampaign(let day, let campaigns):
      let spans = campaigns.map { c in
        "\(c.code) \(c.name)（\(c.start?.chinese ?? "不限")—\(c.end?.chinese ?? "")）"
      }.joined(separator: "；")
      let spansEn = campaigns.map { c in "\(c.code) (\(c.start?.iso ?? "open") to \(c.end?.iso ?? "open"))" }.joined(separator: ", ")
      return lang.pick(
        "\(day.chinese)不在任何活动的时间范围内（\(spans)）。请选择活动期间的统计期，或用 --campaign 指定活动，或用 report campaign add 添加活动。",
        "\(day.iso) lies in no campaign's span (\(spansEn)). Choose a period within a campaign, name one with --campaign, or add one with report campaign add."
      )
    case .duplicateCampaign(let code):
      return lang.pick(
        "已有编码为“\(code)”的活动。请换一个编码，或用 report config --campaign \(code) 修改它的设置。",
        "a campaign '\(code)' exists already. Choose another code, or change its settings with report config --campaign \(code).")
    case .invalidCode(let code):
      return lang.pick(
        "活动编码“\(code)”无效：应为 1 到 32 个英文字母、数字、- 或 _，如 2023。",
        "the campaign code '\(code)' is not valid: use 1 to 32 ASCII letters, digits, - or _, such as 2023.")
    case .emptyName:
      return lang.pick("活动名称不能为空（--name）。", "a campaign needs a name (--name).")
    case .endBeforeStart(let start, let end):
      return lang.pick(
        "结束日期 \(end.iso) 早于开始日期 \(start.iso)。", "the end \(end.iso) lies before the start \(start.iso).")
    case .settingKindMissing(let setting, let kind):
      return lang.pick(
        "活动类型目录中没有设置项 \(setting) 所用的类型“\(kind)”。请在目录中保留该类型，或先修改设置（report config --campaign …）。",
        "the catalogue lacks '\(kind)', which the setting \(setting) names. Keep that kind in the catalogue, or change the setting first (report config --campaign …)."
      )
    }
  }
}

// MARK: Reading

/// Every campaign in the order added.
func loadCampaigns(_ db: any SQLDatabase) throws -> [Campaign] {
  try db.fetchAll("SELECT code, name, start_day, end_day FROM campaign ORDER BY position, code").map { r in
    Campaign(
      code: try r.get(0), name: try r.get(1), start: try r.get(2, as: String?.self).flatMap { Day(parsing: $0) },
      end: try r.get(3, as: String?.self).flatMap { Day(parsing: $0) })
  }
}

/// The campaign a choice names.
func resolveCampaign(_ db: any SQLDatabase, _ choice: CampaignChoice) throws -> Campaign {
  try resolveCampaign(choice, among: try loadCampaigns(db))
}

/// The campaign a choice names among the store's campaigns.
func resolveCampaign(_ choice: CampaignChoice, among campaigns: [Campaign]) throws -> Campaign {
  switch choice {
  case .code(let code):
    guard let c = campaigns.first(where: { $0.code.lowercased() == code.lowercased() }) else {
      throw StoreError.campaign(.unknownCampaign(code: code, known: campaigns.map(\.code)))
    }
    return c
  case .inForce(let day):
    guard let c = Campaign.inForce(on: day, among: campaigns) else {
      throw StoreError.campaign(.noCampaign(day: day, campaigns: campaigns))
    }
    return c
  case .current(let day):
    if let c = Campaign.inForce(on: day, among: campaigns) { return c }
    // None in force: the latest started (one without a start counts as the earliest).
    guard let latest = campaigns.max(by: { ($0.start ?? .distantPast) <= ($1.start ?? .distantPast) }) else {
      throw StoreError.campaign(.noCampaign(day: day, campaigns: []))
    }
    return latest
  }
}

/// A campaign's catalogue of kinds and media levels, in display order.
func loadCatalogue(_ db: any SQLDatabase, campaign: String) throws -> Catalogue {
  let kinds = try db.fetchAll(
    """
    SELECT code, name, name_en, measure, measure_en, category, category_name, category_name_en FROM campaign_kind
    WHERE campaign = ? ORDER BY position, code
    """, [campaign]
  ).map(kindRow)
  let levels = try db.fetchAll("SELECT code, name, name_en FROM campaign_level WHERE campaign = ? ORDER BY position, code", [campaign])
    .map { r in MediaLevel(code: try r.get(0), name: try r.get(1), nameEn: try r.get(2)) }
  return Catalogue(kinds: kinds, levels: levels)
}

/// The kinds that records may have: those of every campaign. A kind's names are those of the
/// latest campaign listing it, and a name matches the kind of the latest campaign using it.
func loadImportCatalogue(_ db: any SQLDatabase) throws -> Catalogue {
  var kinds: [ActivityKind] = []
  var seen: Set<String> = []
  for campaign in try loadCampaigns(db).reversed() {
    for k in try loadCatalogue(db, campaign: campaign.code).kinds where seen.insert(k.code.lowercased()).inserted {
      kinds.append(k)
    }
  }
  return Catalogue(kinds: kinds)
}

private func kindRow(_ r: SQLRow) throws -> ActivityKind {
  ActivityKind(
    code: try r.get(0), name: try r.get(1), nameEn: try r.get(2), measure: try r.get(3), measureEn: try r.get(4),
    category: try r.get(5), categoryName: try r.get(6), categoryNameEn: try r.get(7))
}

/// The stored settings of a campaign by key (unset keys are absent): the store's own
/// (`institution`, `office`), the campaign's, and its name and span.
func loadSettings(_ db: any SQLDatabase, campaign: Campaign) throws -> [String: String] {
  var values: [String: String] = [:]
  for r in try db.fetchAll("SELECT key, value FROM setting") {
    let key: String = try r.get(0)
    if SettingKey(rawValue: key)?.isCampaignSetting != true { values[key] = try r.get(1) }
  }
  for r in try db.fetchAll("SELECT key, value FROM campaign_setting WHERE campaign = ?", [campaign.code]) {
    values[try r.get(0)] = try r.get(1)
  }
  values[SettingKey.campaign.rawValue] = campaign.name
  if let start = campaign.start { values[SettingKey.campaignStart.rawValue] = start.iso }
  if let end = campaign.end { values[SettingKey.campaignEnd.rawValue] = end.iso }
  return values
}

/// A campaign's settings, as the figures use them.
func campaignSettings(_ db: any SQLDatabase, campaign: Campaign) throws -> CampaignSettings {
  var settings = CampaignSettings(values: try loadSettings(db, campaign: campaign))
  settings.campaignCode = campaign.code
  return settings
}

extension Day {
  /// Before every day a store holds.
  static let distantPast = Day(year: 1, month: 1, day: 1)!
}

// MARK: The store's API

extension CampaignStore {
  /// Every campaign, in the order added.
  public func campaigns() throws(StoreError) -> [Campaign] {
    try readDB { db in try loadCampaigns(db) }
  }

  /// The campaign a choice names.
  public func campaign(_ choice: CampaignChoice) throws(StoreError) -> Campaign {
    try readDB { db in try resolveCampaign(db, choice) }
  }

  /// Adds a campaign, in one transaction. Its catalogue is the kinds file given, else that of
  /// `from`, else the built-in one; its media levels likewise; its settings are those of
  /// `from` (else the defaults), then those given.
  ///
  /// - Parameters:
  ///   - kinds: a kinds file (the format of Templates/kinds.csv).
  ///   - levels: a CSV file `code,name,name_en` of media levels.
  ///   - settings: campaign settings to set, as `report config` takes them.
  public func addCampaign(
    _ campaign: Campaign, from: String? = nil, kinds: String? = nil, levels: String? = nil, settings: [(String, String)] = []
  ) throws(StoreError) {
    guard Campaign.isValidCode(campaign.code) else { throw .campaign(.invalidCode(code: campaign.code)) }
    let name = String(campaign.name.trimmingWhitespace())
    guard !name.isEmpty else { throw .campaign(.emptyName) }
    if let s = campaign.start, let e = campaign.end, e < s { throw .campaign(.endBeforeStart(start: s, end: e)) }
    let levelList = try levels.map { path throws(StoreError) in try MediaLevelsFile.read(path) }
    var given: [(SettingKey, String)] = []
    for (key, value) in settings {
      guard let k = SettingKey(rawValue: key), k.isCampaignSetting, k != .campaign, k != .campaignStart, k != .campaignEnd else {
        throw .setting(.unknownSetting(key: key))
      }
      do { given.append((k, try k.validate(value))) } catch { throw .setting(error) }
    }
    let code = campaign.code
    let prelude: (any SQLDatabase) throws -> Void = { db in
      let existing = try loadCampaigns(db)
      if existing.contains(where: { $0.code.lowercased() == code.lowercased() }) {
        throw StoreError.campaign(.duplicateCampaign(code: code))
      }
      let source = try from.map { try resolveCampaign(db, .code($0)) }
      let position = try db.fetchOne("SELECT COALESCE(MAX(position), 0) FROM campaign", as: Int.self) ?? 0
      try db.execute(
        "INSERT INTO campaign (code, name, start_day, end_day, position) VALUES (?, ?, ?, ?, ?)",
        [code, name, campaign.start?.iso, campaign.end?.iso, position + 1] as [any SQLBindable])
      if let source {
        try db.execute(
          "INSERT INTO campaign_setting (campaign, key, value) SELECT ?, key, value FROM campaign_setting WHERE campaign = ?",
          [code, source.code])
        if kinds == nil { try writeCatalogue(try loadCatalogue(db, campaign: source.code).kinds, campaign: code, db: db) }
      }
      try writeLevels(
        levelList ?? source.map { try loadCatalogue(db, campaign: $0.code).levels } ?? MediaLevel.defaults, campaign: code, db: db)
    }
    // After the catalogue: the settings given, then the check that the kind settings name
    // kinds of the catalogue.
    let postlude: (any SQLDatabase) throws -> Void = { db in
      let catalogue = try loadCatalogue(db, campaign: code)
      for (k, value) in given {
        var v = value
        if k == .branchStudyKind || k == .supervisionKind || k == .mediaKind {
          guard let c = catalogue.kind(code: v)?.code else { throw StoreError.campaign(.settingKindMissing(setting: k.rawValue, kind: v)) }
          v = c
        }
        try db.execute(
          """
          INSERT INTO campaign_setting(campaign, key, value) VALUES (?, ?, ?)
          ON CONFLICT(campaign, key) DO UPDATE SET value = excluded.value
          """, [code, k.rawValue, v])
      }
      try checkSettingKinds(campaign: code, db: db)
    }
    if let kinds {
      _ = try importKinds(try CSVReader(path: kinds), campaign: code, prelude: prelude, postlude: postlude)
    } else if from != nil {
      try writeDB { db in
        try prelude(db)
        try postlude(db)
      }
    } else {
      _ = try importKinds(
        try CSVReader(text: Data(BundledFiles.defaultKinds.utf8), file: "kinds.csv (built-in)"), campaign: code, prelude: prelude,
        postlude: postlude)
    }
  }

  /// Gives a campaign another code (its reports do not change: the code only names it).
  public func renameCampaign(_ code: String, to new: String) throws(StoreError) {
    guard Campaign.isValidCode(new) else { throw .campaign(.invalidCode(code: new)) }
    try writeDB { db in
      let c = try resolveCampaign(db, .code(code))
      if c.code == new { return }
      if try loadCampaigns(db).contains(where: { $0.code.lowercased() == new.lowercased() && $0.code != c.code }) {
        throw StoreError.campaign(.duplicateCampaign(code: new))
      }
      for table in ["campaign_kind", "campaign_level", "campaign_setting", "requirement", "plan"] {
        try db.execute("UPDATE \(table) SET campaign = ? WHERE campaign = ?", [new, c.code])
      }
      try db.execute("UPDATE campaign SET code = ? WHERE code = ?", [new, c.code])
    }
  }

  /// A campaign's settings (`--campaign`, or the one in force today, else the latest).
  public func settings(campaign choice: CampaignChoice = .current(Day.today())) throws(StoreError) -> CampaignSettings {
    try readDB { db in try campaignSettings(db, campaign: try resolveCampaign(db, choice)) }
  }

  /// A campaign's catalogue of kinds and media levels.
  public func catalogue(campaign choice: CampaignChoice = .current(Day.today())) throws(StoreError) -> Catalogue {
    try readDB { db in try loadCatalogue(db, campaign: try resolveCampaign(db, choice).code) }
  }
}

/// Replaces a campaign's catalogue of kinds.
func writeCatalogue(_ kinds: [ActivityKind], campaign: String, db: any SQLDatabase) throws {
  try db.execute("DELETE FROM campaign_kind WHERE campaign = ?", [campaign])
  let insert = try db.prepare(
    """
    INSERT INTO campaign_kind (campaign, code, name, name_en, measure, measure_en, category, category_name, category_name_en, position)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """)
  for (i, k) in kinds.enumerated() {
    try insert.execute(
      [campaign, k.code, k.name, k.nameEn, k.measure, k.measureEn, k.category, k.categoryName, k.categoryNameEn, i] as [any SQLBindable])
  }
}

/// Replaces a campaign's media levels.
func writeLevels(_ levels: [MediaLevel], campaign: String, db: any SQLDatabase) throws {
  try db.execute("DELETE FROM campaign_level WHERE campaign = ?", [campaign])
  let insert = try db.prepare("INSERT INTO campaign_level (campaign, code, name, name_en, position) VALUES (?, ?, ?, ?, ?)")
  for (i, l) in levels.enumerated() { try insert.execute([campaign, l.code, l.name, l.nameEn, i] as [any SQLBindable]) }
}

/// The branch-study, supervision and media settings must name kinds of the campaign's catalogue.
func checkSettingKinds(campaign: String, db: any SQLDatabase) throws {
  let c = try resolveCampaign(db, .code(campaign))
  let settings = try campaignSettings(db, campaign: c)
  let catalogue = try loadCatalogue(db, campaign: campaign)
  for (key, code) in [
    (SettingKey.branchStudyKind, settings.branchStudyKind), (.supervisionKind, settings.supervisionKind), (.mediaKind, settings.mediaKind),
  ]
  where catalogue.kind(code: code) == nil {
    throw StoreError.campaign(.settingKindMissing(setting: key.rawValue, kind: code))
  }
}

/// A CSV file of media levels: `code,name,name_en` (编码,名称,英文名称), one level per row.
enum MediaLevelsFile {
  static func read(_ path: String) throws(StoreError) -> [MediaLevel] {
    let reader = try CSVReader(path: path)
    var levels: [MediaLevel] = []
    var issues: [DataIssue] = []
    var columns: [String: Int]?
    var firstLine: [String: Int] = [:]
    func issue(_ line: Int, _ column: Int?, _ header: String?, _ value: String, _ problem: DataIssue.Problem) {
      issues.append(DataIssue(file: path, line: line, column: column.map { $0 + 1 }, header: header, value: value, problem: problem))
    }
    do {
      try reader.forEachRecord { rec in
        if rec.isBlank { return }
        let fields = rec.fields.map { String($0.hasPrefix("\u{FEFF}") ? $0.dropFirst() : Substring($0)).trimmingWhitespace() }.map(
          String.init)
        guard let map = columns else {
          var m: [String: Int] = [:]
          for (i, f) in fields.enumerated() {
            switch f.lowercased() {
            case "code", "编码": m["code"] = i
            case "name", "名称": m["name"] = i
            case "name_en", "英文名称": m["name_en"] = i
            default: break
            }
          }
          for c in ["code", "name"] where m[c] == nil {
            issue(rec.line, nil, nil, "", .missingColumn(c == "code" ? "code / 编码" : "name / 名称"))
          }
          columns = m
          return
        }
        func field(_ c: String) -> String { map[c].flatMap { $0 < fields.count ? fields[$0] : nil } ?? "" }
        let code = field("code"), name = field("name")
        if code.isEmpty {
          issue(rec.line, map["code"], "code", "", .required)
        } else if !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
          issue(rec.line, map["code"], "code", code, .badChoice(allowed: "ASCII letters, digits and _"))
        } else if let first = firstLine[code.lowercased()] {
          issue(rec.line, map["code"], "code", code, .duplicateId(firstLine: first))
        } else {
          firstLine[code.lowercased()] = rec.line
        }
        if name.isEmpty { issue(rec.line, map["name"], "name", "", .required) }
        let en = field("name_en")
        levels.append(MediaLevel(code: code, name: name, nameEn: en.isEmpty ? code : en))
      }
    } catch let e as StoreError {
      throw e
    } catch let e as CSVSyntaxError {
      issue(e.line, e.column - 1, nil, "", .unclosedQuote)
    } catch {
      throw .unreadableFile(path: path, reason: "\(error)")
    }
    if columns == nil { throw .unrecognisedHeader(file: path, headers: []) }
    if levels.isEmpty && issues.isEmpty { issue(1, nil, nil, "", .required) }
    if !issues.isEmpty { throw .badData(file: path, issues: issues) }
    return levels
  }
}
