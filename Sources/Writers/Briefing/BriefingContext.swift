import Aggregation
import CampaignModel

/// The names a briefing template can use. Every figure of `report stats --json` is here under
/// the same path (`kinds.reading_class.cumulative.hours`, `matters.cumulative.resolution_rate`),
/// plus ready phrases (names joined with 、 and 和, dates in words, the masthead lines).
public enum BriefingContext {
  /// How many names a sentence lists before it says "等N个单位" (and N more).
  public static let listLimit = 10

  /// How many resolved matters a sentence names before it says "等N项".
  public static let resolvedLimit = 5

  /// The width, in display cells, of the masthead lines.
  public static let mastheadWidth = 64

  /// Builds the context of a period's briefing.
  public static func build(_ report: PeriodReport, lang: Language, reportDate: Day) -> TemplateValue {
    let s = report.current, p = report.previous
    let words = PeriodText(report.period, lang: lang)
    let settings = s.settings
    func t(_ zh: String, _ en: String) -> String { lang.pick(zh, en) }
    func count(_ n: Int, _ measure: String, previous: Int? = nil) -> TemplateValue {
      .figure(Figure(.count(n), measure: measure, previous: previous, lang: lang))
    }
    func totals(_ x: Totals, _ k: ActivityKind, previous: Totals?) -> TemplateValue {
      .object([
        ("count", count(x.count, k.measure(in: lang), previous: previous?.count)),
        ("hours", .figure(Figure(.hours(x.hours), measure: t("学时", "hours"), lang: lang))),
        ("participants", count(x.participants, t("人次", "participants"), previous: previous?.participants)),
      ])
    }
    let names = { (items: [String]) -> TemplateValue in
      .object([
        ("any", .flag(!items.isEmpty)), ("count", count(items.count, t("个", "units"))),
        // A province has thousands of units: the sentence names the first ten.
        ("names", .text(Phrases.joined(items, limit: listLimit, measure: t("个单位", ""), lang: lang))),
        ("list", .list(items.map { .text($0) }, item: .text(""))),
      ])
    }

    // Media levels as a list of (code, name, English name), so a campaign's own levels are
    // stated the same way; the reports of no level come last.
    let levels: [(code: String, name: String, nameEn: String, level: String?)] =
      report.levels.map { ($0.code, $0.name, $0.nameEn, $0.code) } + [("unknown", "未注明级别", "level not given", nil)]
    let levelCounts = { (window: [String?: Int]) in levels.map { (name: $0.name, nameEn: $0.nameEn, count: window[$0.level] ?? 0) } }
    let mediaExtra = { (code: String, window: [String?: Int]) -> String in
      code == settings.mediaKind ? Phrases.levelList(levelCounts(window), measure: t("条", "reports"), lang: lang) : ""
    }
    let kindItem = { (k: (kind: ActivityKind, totals: PeriodPair<Totals>)) -> TemplateValue in
      let prev = p?.kind(k.kind.code)?.totals.period
      let x = k.totals
      // A kind states hours when it has recorded any since the start (读书班's 学时).
      let hasHours = x.cumulative.hours.hundredths != 0
      return .object([
        ("code", .text(k.kind.code)),
        ("name", .text(k.kind.name(in: lang))), ("measure", .text(k.kind.measure(in: lang))),
        ("category", .text(k.kind.category)),
        ("period", totals(x.period, k.kind, previous: prev)),
        ("cumulative", totals(x.cumulative, k.kind, previous: nil)),
        ("any", .flag(x.period.count != 0)), ("any_cumulative", .flag(x.cumulative.count != 0)),
        ("has_hours", .flag(hasHours)), ("has_participants", .flag(x.period.participants != 0)),
        ("branch_study", .flag(k.kind.code == settings.branchStudyKind)),
        ("supervision", .flag(k.kind.code == settings.supervisionKind)),
        (
          "period_phrase",
          .text(
            Phrases.kindFigures(
              k.kind, count: x.period.count, hours: hasHours ? x.period.hours : nil, participants: x.period.participants,
              extra: mediaExtra(k.kind.code, report.mediaByLevel.period), lang: lang))
        ),
        (
          "cumulative_phrase",
          .text(
            Phrases.kindFigures(
              k.kind, count: x.cumulative.count, hours: hasHours ? x.cumulative.hours : nil, participants: nil, lang: lang))
        ),
      ])
    }
    let m = s.matters, pm = p?.matters
    let kinds: [(String, TemplateValue)] = s.kinds.map { ($0.kind.code, kindItem(($0.kind, $0.totals))) }
    let sampleKind = (kind: ActivityKind.sample, totals: PeriodPair(period: Totals.zero, cumulative: Totals.zero))
    // The categories as the generic briefing states them: the branch-study and supervision
    // kinds have sentences of their own and are not listed in their category.
    let categoryItem = { (code: String, name: String, members: [KindFigures]) -> TemplateValue in
      let listed = members.filter { $0.kind.code != settings.branchStudyKind && $0.kind.code != settings.supervisionKind }
      let stated = listed.filter { $0.totals.period.count != 0 }
      let since = listed.filter { $0.totals.cumulative.count != 0 }
      let joiner = t("、", ", ")
      func phrase(_ items: [KindFigures], _ key: String) -> String {
        items.map { item -> String in
          guard case .object(let o) = kindItem((item.kind, item.totals)), case .text(let text)? = o[key] else { return "" }
          return text
        }.joined(separator: joiner)
      }
      return .object([
        ("code", .text(code)), ("name", .text(name)),
        ("any", .flag(!stated.isEmpty)), ("any_cumulative", .flag(!since.isEmpty)),
        ("kinds", .list(stated.map { kindItem(($0.kind, $0.totals)) }, item: kindItem(sampleKind))),
        ("all_kinds", .list(listed.map { kindItem(($0.kind, $0.totals)) }, item: kindItem(sampleKind))),
        ("period_phrase", .text(phrase(stated, "period_phrase"))),
        ("cumulative_phrase", .text(phrase(since, "cumulative_phrase"))),
      ])
    }
    let emptyKind = kindItem(sampleKind)
    let branchKind = s.kind(settings.branchStudyKind).map { kindItem(($0.kind, $0.totals)) } ?? emptyKind
    let supervisionKind = s.kind(settings.supervisionKind).map { kindItem(($0.kind, $0.totals)) } ?? emptyKind
    let resolvedInPeriod = report.ledger.resolved(within: s.windows.period)
    let inProgress = report.ledger.inProgress
    let notStarted = report.ledger.notStarted
    let mattersName = settings.mattersName
    let sectionMatters = settings.sectionMatters.isEmpty ? t("“\(mattersName)”进展", "Progress of \(mattersName)") : settings.sectionMatters
    let countedUnits = s.units.filter(\.unit.counted).count
    let countedTotal = UnitFigures.branchStudyCountedTotal(of: s.units)
    // The period's steps of the funnel, the zero ones left out.
    let funnelPhrase = [
      (m.period.collected, t("新收集意见建议\(m.period.collected)条", "\(m.period.collected) new opinions collected")),
      (m.period.consolidated, t("新梳理汇总事项\(m.period.consolidated)项", "\(m.period.consolidated) new matters consolidated")),
      (m.period.claimed, t("领导新认领\(m.period.claimed)项", "\(m.period.claimed) claimed by leaders")),
      (m.period.resolved, t("新解决\(m.period.resolved)项", "\(m.period.resolved) resolved")),
    ].filter { $0.0 != 0 }.map(\.1).joined(separator: t("，", ", "))
    let noData = report.recordsNothing
    let unitItem = { (u: UnitRow) -> TemplateValue in
      func pair(_ x: PeriodPair<Int>, _ measure: String) -> TemplateValue {
        .object([("period", count(x.period, measure)), ("cumulative", count(x.cumulative, measure))])
      }
      func hours(_ h: Hours) -> TemplateValue { .figure(Figure(.hours(h), measure: t("学时", "hours"), lang: lang)) }
      return .object([
        ("id", .text(u.unit.id)), ("name", .text(u.unit.name)), ("kind", .text(u.unit.kind.rawValue)),
        ("counted", .flag(u.unit.counted)),
        ("branch_study", pair(u.branchStudy, t("次", "sessions"))),
        ("other_activities", pair(u.otherActivities, t("次", "activities"))),
        ("hours", .object([("period", hours(u.hours.period)), ("cumulative", hours(u.hours.cumulative))])),
        ("participants", pair(u.participants, t("人次", "participants"))),
        ("supervision_received", pair(u.supervisionReceived, t("次", "visits"))),
        ("matters_owned", count(u.mattersOwned, t("项", "matters"))),
        ("matters_resolved", count(u.mattersResolved, t("项", "matters"))),
      ])
    }
    let zero = PeriodPair(period: 0, cumulative: 0)
    let emptyUnit = UnitRow(
      unit: Unit(id: "", name: "", kind: .branch, counted: true), branchStudy: zero, otherActivities: zero,
      hours: PeriodPair(period: .zero, cumulative: .zero), participants: zero, supervisionReceived: zero, mattersOwned: 0,
      mattersResolved: 0, rank: nil)
    // Requirements and plans (docs/definitions.md), under the JSON's names, with their names
    // and percentages ready for a sentence.
    let kindName = { (code: String) in s.kind(code)?.kind.name(in: lang) ?? code }
    let kindMeasure = { (code: String) in s.kind(code)?.kind.measure(in: lang) ?? t("次", "times") }
    let unitNames = { (units: [Unit]) in units.map(\.name) }
    let requirementItem = { (r: RequirementFigures) -> TemplateValue in
      .object([
        ("kind", .text(r.requirement.kind)), ("kind_name", .text(kindName(r.requirement.kind))),
        ("per", .text(r.requirement.per.rawValue)), ("per_name", .text(t(r.requirement.per.chineseName, r.requirement.per.rawValue))),
        ("min", count(r.requirement.minimum, kindMeasure(r.requirement.kind))), ("applies_to", .text(r.requirement.appliesTo.code)),
        ("required", count(r.required.count, t("个", "units"))), ("met", count(r.met.count, t("个", "units"))),
        ("rate", .figure(Figure(.rate(r.rate), lang: lang))),
        ("missed", .list(r.missed.map { .text($0.id) }, item: .text(""))), ("missed_units", names(unitNames(r.missed))),
      ])
    }
    let planItem = { (f: PlanFigures) -> TemplateValue in
      .object([
        ("id", .text(f.plan.id)), ("unit", .text(f.plan.organization)), ("unit_name", .text(f.plan.unitName)),
        // The institution's own plan is stated without its name ("党委理论学习中心组…").
        ("unit_prefix", .text(f.plan.unit == nil ? "" : f.plan.unitName)),
        ("kind", .text(f.plan.kind)), ("kind_name", .text(kindName(f.plan.kind))),
        ("from", .text(f.plan.span.start.iso)), ("to", .text(f.plan.span.end.iso)),
        ("target", count(f.plan.target, kindMeasure(f.plan.kind))), ("done", count(f.done, kindMeasure(f.plan.kind))),
        ("completion", .figure(Figure(.rate(f.completion), lang: lang))), ("elapsed", .figure(Figure(.rate(f.elapsed), lang: lang))),
        ("expected", .figure(Figure(.average(f.expected), measure: kindMeasure(f.plan.kind), lang: lang))),
        ("gap", .figure(Figure(.average(f.gap), measure: kindMeasure(f.plan.kind), lang: lang))),
        // 完成率 − 序时进度 in percentage points, one decimal; `ahead_of_time` says which side.
        ("points", .text(Ratio(abs(f.lead.numerator), f.lead.denominator)!.fixed(1, scale: 100))),
        ("ahead_of_time", .flag(f.lead.numerator >= 0)),
        ("status", .text(f.status.rawValue)), ("status_name", .text(t(f.status.chineseName, f.status.rawValue))),
        ("behind", .flag(f.status == .behind)),
      ])
    }
    let matter = t("项", "matters")
    let overdue = report.ledger.entries.filter(\.overdue)
    let overdueItem = { (e: LedgerEntry) -> TemplateValue in
      .object([
        ("id", .text(e.record.matter.id)), ("title", .text(e.record.matter.title)),
        ("unit", .text(e.record.organizationName)),
        ("due", .text(e.record.matter.due.map { Phrases.date($0, lang: lang) } ?? "")),
      ])
    }
    let issue = settings.briefingIssue(for: report.period)
    let series: String
    switch report.period {
    case .month: series = ""
    case .quarter: series = t("（季度）", " (Quarterly)")
    case .year: series = t("（年度）", " (Annual)")
    case .range: series = t("（专刊）", " (Special Issue)")
    }
    let title = (settings.briefingTitle.isEmpty ? settings.campaign + t("简报", " Briefing") : settings.briefingTitle) + series
    let issuer = settings.briefingIssuer.isEmpty ? settings.campaign + t("领导小组办公室", " Leading Group Office") : settings.briefingIssuer
    let dateText = Phrases.date(reportDate, lang: lang)
    let issueText = issue.map { lang == .zh ? "第\(Phrases.chineseNumeral($0))期" : "No. \($0)" } ?? ""

    return .object([
      ("institution", .text(settings.institution)),
      ("campaign", .text(settings.campaign)),
      ("reporting_unit", .text(s.reportingUnit)),
      (
        "period",
        .object([
          ("text", .text(words.name)), ("word", .text(words.this)), ("previous_word", .text(words.previous ?? "")),
          ("end_word", .text(words.end)), ("id", .text(report.period.description)),
          ("start", .text(s.windows.period.start.iso)), ("end", .text(s.windows.period.end.iso)),
          ("start_text", .text(Phrases.date(s.windows.period.start, lang: lang))),
          ("end_text", .text(Phrases.date(s.windows.period.end, lang: lang))),
        ])
      ),
      ("has_previous", .flag(p != nil)),
      ("cumulative_start", .text(s.windows.cumulative.start.iso)),
      ("cumulative_start_text", .text(Phrases.date(s.windows.cumulative.start, lang: lang))),
      ("report_date_text", .text(dateText)),
      ("issue", count(issue ?? 0, t("期", ""))),
      ("no_data", .flag(noData)),
      ("period_ended", .flag(s.windows.period.end < reportDate)),
      ("matters_name", .text(mattersName)),
      ("matters_any", .flag([m.asOf.collected, m.asOf.consolidated, m.asOf.claimed, m.asOf.resolved].contains { $0 != 0 })),
      (
        "titles",
        .object([
          ("study", .text(settings.sectionStudy)), ("supervision", .text(settings.sectionSupervision)),
          ("matters", .text(sectionMatters)), ("next", .text(settings.sectionNext)),
        ])
      ),
      ("category_list", .list(s.categories.map { categoryItem($0.code, $0.name(in: lang), $0.kinds) }, item: categoryItem("", "", []))),
      ("branch_study", branchKind),
      ("supervision", supervisionKind),
      ("counted_units", count(countedUnits, t("个", "units"))),
      (
        "media_levels",
        .list(
          levels.map { l in
            .object([
              ("code", .text(l.code)), ("name", .text(lang.pick(l.name, l.nameEn))),
              ("period", count(report.mediaByLevel.period[l.level] ?? 0, t("条", "reports"))),
              ("cumulative", count(report.mediaByLevel.cumulative[l.level] ?? 0, t("条", "reports"))),
            ])
          },
          item: .object([("code", .text("")), ("name", .text("")), ("period", count(0, "")), ("cumulative", count(0, ""))]))
      ),
      (
        "masthead",
        .object([
          ("title", .text(title)),
          ("title_centered", .text(centered(title, spaced: lang == .zh))),
          ("issue", .text(issueText)),
          ("issue_centered", .text(centered(issueText, spaced: false))),
          ("issuer", .text(issuer)),
          ("issuer_and_date", .text(spread(issuer, dateText))),
          ("date", .text(dateText)),
        ])
      ),
      ("kinds", .object(kinds)),
      (
        "categories",
        .object(
          s.categories.map { category in
            let period = category.kinds.map { (kind: $0.kind, count: $0.totals.period.count) }
            let cumulative = category.kinds.map { (kind: $0.kind, count: $0.totals.cumulative.count) }
            return (
              category.code,
              .object([
                ("name", .text(category.name(in: lang))),
                ("any", .flag(period.contains { $0.count != 0 })),
                ("period_phrase", .text(Phrases.kindList(period, lang: lang))),
                ("cumulative_phrase", .text(Phrases.kindList(cumulative, lang: lang))),
              ])
            )
          })
      ),
      ("units", .list(report.unitTable.rows.map(unitItem), item: unitItem(emptyUnit))),
      (
        "branch_study_total",
        .object([
          ("period", count(s.branchStudyTotal.period, t("次", "sessions"), previous: p?.branchStudyTotal.period)),
          ("cumulative", count(s.branchStudyTotal.cumulative, t("次", "sessions"))),
        ])
      ),
      (
        // The average's own base: the counted units' sessions (离退休 units excluded).
        "branch_study_counted_total",
        .object([
          ("period", count(countedTotal.period, t("次", "sessions"))),
          ("cumulative", count(countedTotal.cumulative, t("次", "sessions"))),
        ])
      ),
      (
        "branch_study_average",
        .object([
          ("period", .figure(Figure(.average(s.branchStudyAverage.period), measure: t("次", "sessions"), lang: lang))),
          ("cumulative", .figure(Figure(.average(s.branchStudyAverage.cumulative), measure: t("次", "sessions"), lang: lang))),
          ("previous", .figure(Figure(.average(p?.branchStudyAverage.period), measure: t("次", "sessions"), lang: lang))),
        ])
      ),
      (
        "matters",
        .object([
          (
            "period",
            .object([
              ("phrase", .text(funnelPhrase)),
              ("collected", count(m.period.collected, t("条", "opinions"), previous: pm?.period.collected)),
              ("consolidated", count(m.period.consolidated, matter, previous: pm?.period.consolidated)),
              ("claimed", count(m.period.claimed, matter, previous: pm?.period.claimed)),
              ("resolved", count(m.period.resolved, matter, previous: pm?.period.resolved)),
            ])
          ),
          (
            "cumulative",
            .object([
              ("collected", count(m.asOf.collected, t("条", "opinions"))),
              ("consolidated", count(m.asOf.consolidated, matter)),
              ("claimed", count(m.asOf.claimed, matter)),
              ("resolved", count(m.asOf.resolved, matter)),
              ("resolution_rate", .figure(Figure(.rate(m.resolutionRate), lang: lang))),
              ("claimed_resolution_rate", .figure(Figure(.rate(m.claimedResolutionRate), lang: lang))),
              ("claimed_and_resolved", count(m.claimedAndResolved, matter)),
              ("overdue", count(m.overdue, matter)),
              ("key_projects", count(m.keyProjects, matter)),
              ("in_progress", count(inProgress, matter)),
              ("not_started", count(notStarted, matter)),
              ("headline_rate_divisor", .text(m.headlineDivisor.rawValue)),
              ("headline_resolution_rate", .figure(Figure(.rate(m.headlineRate), lang: lang))),
            ])
          ),
        ])
      ),
      (
        "media_by_level",
        .object(
          report.levels.map { level in
            (
              level.code,
              .object([
                ("name", .text(level.name(in: lang))),
                ("period", count(report.mediaByLevel.period[level.code] ?? 0, t("条", "reports"))),
                ("cumulative", count(report.mediaByLevel.cumulative[level.code] ?? 0, t("条", "reports"))),
              ])
            )
          })
      ),
      ("below_average", names(report.unitsBelowAverage.map(\.name))),
      ("silent_units", names(report.silentUnits.map(\.name))),
      ("submissions_used", .flag(report.submissions != nil)),
      ("unreported_units", names(SubmissionPhrases.unreported(report, lang: lang))),
      ("reported_empty_units", names(SubmissionPhrases.reportedEmpty(report).map(\.name))),
      ("excluded_units", names(s.units.filter { !$0.unit.counted }.map(\.unit.name))),
      (
        "overdue_matters",
        .object([
          ("any", .flag(!overdue.isEmpty)), ("count", count(overdue.count, matter)),
          (
            "titles",
            .text(
              Phrases.joined(
                overdue.map { lang.pick("“\($0.record.matter.title)”", "\"\($0.record.matter.title)\"") }, limit: listLimit,
                measure: t("项", ""), lang: lang))
          ),
          ("list", .list(overdue.map(overdueItem), item: overdueItem(LedgerEntry.sample))),
        ])
      ),
      (
        "has_shortcomings",
        .flag(
          !report.unitsBelowAverage.isEmpty || !overdue.isEmpty || !s.targets.lagging.isEmpty
            || s.targets.requirements.contains { !$0.missed.isEmpty })
      ),
      (
        "resolved_matters",
        .object([
          ("any", .flag(!resolvedInPeriod.isEmpty)), ("count", count(resolvedInPeriod.count, matter)),
          (
            "titles",
            .text(
              Phrases.joined(
                resolvedInPeriod.map { lang.pick("“\($0.record.matter.title)”", "\"\($0.record.matter.title)\"") }, limit: resolvedLimit,
                measure: t("项", ""), lang: lang))
          ),
          ("list", .list(resolvedInPeriod.map(overdueItem), item: overdueItem(LedgerEntry.sample))),
        ])
      ),
      ("briefing_to", .text(settings.briefingTo)),
      ("briefing_cc", .text(settings.briefingCc)),
      ("requirements", targetList(s.targets.requirements.map(requirementItem), sample: requirementItem(.sample), lang: lang)),
      ("plans", targetList(s.targets.plans.map(planItem), sample: planItem(.sample), lang: lang)),
      ("lagging_plans", names(s.targets.lagging.map { ($0.plan.unit == nil ? "" : $0.plan.unitName) + kindName($0.plan.kind) })),
      ("briefing_distribute", .text(settings.briefingDistribute)),
      ("briefing_copies", .text(settings.briefingCopies)),
    ])
  }

  /// A list of requirements or plans, with the item a template checker reads names from. Each
  /// item's `separator` is "；" but for the last item's "。" ("; " and "." in English), so one
  /// sentence states them all.
  private static func targetList(_ items: [TemplateValue], sample: TemplateValue, lang: Language) -> TemplateValue {
    func with(_ item: TemplateValue, _ separator: String) -> TemplateValue {
      guard case .object(let o) = item else { return item }
      return .object(o.pairs + [("separator", .text(separator))])
    }
    return .list(
      items.enumerated().map { i, item in with(item, i == items.count - 1 ? lang.pick("。", ".") : lang.pick("；", "; ")) },
      item: with(sample, ""))
  }

  /// Text centred in the masthead's width; Chinese titles get a space between characters.
  static func centered(_ text: String, spaced: Bool) -> String {
    let t = spaced ? text.map(String.init).joined(separator: " ") : text
    let pad = max(0, (mastheadWidth - TextWidth.of(t)) / 2)
    return String(repeating: " ", count: pad) + t
  }

  /// Left text and right text on one line of the masthead's width.
  static func spread(_ left: String, _ right: String) -> String {
    let gap = max(2, mastheadWidth - TextWidth.of(left) - TextWidth.of(right))
    return left + String(repeating: " ", count: gap) + right
  }
}

extension ActivityKind {
  /// A kind with empty fields, describing a kind item's names for the template checker.
  static var sample: ActivityKind {
    ActivityKind(code: "", name: "", nameEn: "", measure: "", measureEn: "", category: "", categoryName: "", categoryNameEn: "")
  }
}

extension LedgerEntry {
  /// An entry with empty fields, describing the names of a ledger item for the template checker.
  static var sample: LedgerEntry {
    let day = Day(year: 2000, month: 1, day: 1)!
    let matter = Matter(
      id: "", title: "", organization: "", raised: day, owner: nil, claimed: nil, due: day, status: .open, resolved: nil,
      keyProject: false, note: "")
    return LedgerEntry(MatterRecord(matter: matter, organizationName: "", unitID: nil), asOf: day)
  }
}
