import Aggregation
import CampaignModel
import Workflow
import Writers

/// The values of the figures page: the overview table's rows as the workbook shows them, and
/// the two charts laid out as inline SVG (no script, no style attribute: the page's
/// Content-Security-Policy allows neither). Bar lengths are drawn from the table's own values;
/// no figure is computed here.
enum FiguresPage {
  /// The chart's geometry, in SVG user units.
  static let chartWidth = 640, labelWidth = 200, barHeight = 18, gap = 6, valueWidth = 60

  static func values(_ f: ReportFigures, period: ReportPeriod, lang: Language) -> [String: Any] {
    let words = PeriodText(period, lang: lang)
    let t = { (zh: String, en: String) in lang.pick(zh, en) }
    var values: [String: Any] = [:]
    values["title"] = lang.pick("\(words.name)统计数据", "Figures, \(words.name)")
    let lastMonth = period.months.last!
    values["quarter"] = "\(lastMonth.year)Q\((lastMonth.month - 1) / 3 + 1)"
    values["year"] = lastMonth.year

    // The overview, column for column.
    let columns: [OverviewTable.Column] = [.period, .previous, .change, .cumulative, .periodHours, .cumulativeHours]
    values["overviewHeaders"] =
      [OverviewTable.Column.index, .indicator, .measure].map { f.overview.headers[$0.rawValue] }
      + columns.map { f.overview.headers[$0.rawValue] }
    values["sections"] = f.overview.sections.map { section -> [String: Any] in
      [
        "name": section.name,
        "rows": section.rows.map { row -> [String: Any] in
          [
            "index": row.index, "name": row.name, "measure": row.measure, "strong": row.highlighted,
            "cells": columns.map { row.cell($0).value.text(lang) },
          ]
        },
      ]
    }
    values["columnCount"] = 3 + columns.count
    values["notes"] = Array(f.overview.notes.dropFirst())
    values["notesTitle"] = f.overview.notes.first ?? ""

    // The units' branch sessions, cumulative (the by-unit sheet's column), as bars.
    let unitBars = f.units.rows.map { row in
      (name: row.name, value: row.cell(.branchCumulative).value.number ?? 0, text: row.cell(.branchCumulative).value.text(lang))
    }
    values["unitsChart"] = bars(unitBars)
    values["unitsChartTitle"] =
      (f.units.groups.first { $0.columns.contains(.branchCumulative) }?.label ?? t("集中学习", "Branch sessions"))
      + t("（累计）", " (cumulative)")

    // The matters funnel, as of the period's end (the overview's cumulative column).
    let steps = ["collected", "consolidated", "claimed", "resolved"].compactMap { key -> (name: String, value: Double, text: String)? in
      guard let row = f.overview.row(key) else { return nil }
      let cell = row.cell(.cumulative).value
      return (row.name, cell.number ?? 0, cell.text(lang))
    }
    values["funnelChart"] = bars(steps)
    values["funnelTitle"] = t("“我为群众办实事”进展（截至\(words.end)）", "Practical matters (as of \(words.end))")

    // The lists the briefing names in its last section.
    values["below"] = f.report.unitsBelowAverage.map(\.name)
    values["has_below"] = !f.report.unitsBelowAverage.isEmpty
    let overdue = f.report.ledger.entries.filter(\.overdue)
    values["overdue"] = overdue.map { e -> [String: Any] in
      [
        "id": e.record.matter.id, "title": e.record.matter.title, "unit": e.record.organizationName,
        "due": e.record.matter.due.map { lang == .zh ? $0.chinese : $0.iso } ?? "",
      ]
    }
    values["has_overdue"] = !overdue.isEmpty
    return values
  }

  /// Horizontal bars: a label on the left, the bar, the value's text at its end. The longest
  /// bar fills the width; all zero draws no bar.
  static func bars(_ items: [(name: String, value: Double, text: String)]) -> [String: Any] {
    let most = items.map(\.value).max() ?? 0
    let span = Double(chartWidth - labelWidth - valueWidth)
    let rows = items.enumerated().map { i, item -> [String: Any] in
      let y = gap + i * (barHeight + gap)
      let width = most > 0 ? Int((item.value / most * span).rounded()) : 0
      return [
        "name": item.name, "text": item.text, "y": y, "textY": y + barHeight - 4, "width": width,
        "valueX": labelWidth + width + 6, "labelX": labelWidth - 6,
      ]
    }
    return [
      "width": chartWidth, "height": gap + items.count * (barHeight + gap), "barX": labelWidth, "barHeight": barHeight,
      "bars": rows,
    ]
  }
}
