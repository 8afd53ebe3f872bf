import CampaignModel
import Foundation

/// Writes contract-valid CSV files of a synthetic institution for benchmarks: a tree of units
/// with sub-branches, activities over a year with realistic kind frequencies, matters and
/// opinions. The same seed gives the same files.
public struct SyntheticCampaign {
  public var units: Int
  public var activities: Int
  public var matters: Int
  public var seed: UInt64
  public var year: Int

  public init(units: Int, activities: Int, matters: Int, seed: UInt64 = 1, year: Int = 2021) {
    self.units = units
    self.activities = activities
    self.matters = matters
    self.seed = seed
    self.year = year
  }

  /// Kind codes with their relative frequency among activity rows.
  static let kindWeights: [(String, Int)] = [
    ("branch_study", 40), ("news_post", 15), ("seminar", 8), ("event", 7), ("volunteer", 7), ("party_lecture", 5),
    ("micro_lecture", 4), ("lecture", 3), ("supervision", 3), ("media_report", 3), ("briefing", 2), ("central_group_study", 1),
    ("reading_class", 1), ("youth_class", 1),
  ]

  /// Writes organizations.csv, activities.csv, matters.csv and feedback.csv into `directory`.
  public func write(to directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var rng = SplitMix64(seed: seed)
    let dir = URL(fileURLWithPath: directory)

    // Organizations: the committee, units, and 1 to 5 branches under each general branch.
    var orgs = CSVFile(dir.appendingPathComponent("organizations.csv"), header: "id,name,kind,parent,counted")
    orgs.line("C,中共合成学院委员会,committee,,")
    var branchesOf: [[String]] = []
    for u in 0..<units {
      let general = u % 5 != 4
      let id = "U\(u)"
      orgs.line(
        "\(id),第\(u + 1)\(general ? "党总支" : "直属党支部"),\(general ? "general_branch" : "direct_branch"),C,\(u == units - 1 && units > 1 ? "no" : "yes")"
      )
      var members = [id]
      if general {
        for b in 0..<(1 + Int(rng.next() % 5)) {
          let bid = "\(id)-\(b)"
          orgs.line("\(bid),第\(u + 1)党总支第\(b + 1)党支部,branch,\(id),")
          members.append(bid)
        }
      }
      branchesOf.append(members)
    }
    try orgs.close()

    // Activities: dates uniform over the year, kinds by weight, organizations uniform.
    let totalWeight = Self.kindWeights.reduce(0) { $0 + $1.1 }
    let first = Day(year: year, month: 1, day: 1)!.daysSinceEpoch
    let days = Day(year: year, month: 12, day: 31)!.daysSinceEpoch - first + 1
    var acts = CSVFile(
      dir.appendingPathComponent("activities.csv"), header: "id,date,unit,kind,title,hours,participants,count,level,lead,note")
    let levels = ["national", "regional", "league", "league", "institution", "institution", "institution"]
    for i in 0..<activities {
      var pick = Int(rng.next() % UInt64(totalWeight))
      var kind = Self.kindWeights[0].0
      for (k, w) in Self.kindWeights {
        if pick < w { kind = k; break }
        pick -= w
      }
      let date = Day(daysSinceEpoch: first + Int(rng.next() % UInt64(days)))
      let org: String
      if kind == "central_group_study" || kind == "briefing" {
        org = "C"
      } else {
        let members = branchesOf[Int(rng.next() % UInt64(max(units, 1)))]
        org = members[Int(rng.next() % UInt64(members.count))]
      }
      let publicity = kind == "news_post" || kind == "briefing" || kind == "media_report"
      let hours = publicity ? "" : ["1", "1.5", "2", "2.5", "3", "4"][Int(rng.next() % 6)]
      let participants = publicity ? "" : String(5 + Int(rng.next() % 80))
      let count = kind == "news_post" ? String(1 + Int(rng.next() % 8)) : ""
      let level = kind == "media_report" ? levels[Int(rng.next() % UInt64(levels.count))] : ""
      acts.line("A\(i),\(date.iso),\(org),\(kind),学习主题\(i % 997),\(hours),\(participants),\(count),\(level),,")
    }
    try acts.close()

    // Matters: raised over the first ten months; two thirds claimed, half of those resolved.
    var ledger = CSVFile(
      dir.appendingPathComponent("matters.csv"), header: "id,title,unit,raised,owner,claimed,due,status,resolved,key_project,note")
    var raisedDays: [Int] = []
    for m in 0..<matters {
      let raised = first + Int(rng.next() % 300)
      raisedDays.append(raised)
      let unit = branchesOf[Int(rng.next() % UInt64(max(units, 1)))][0]
      let claimed = rng.next() % 3 != 0
      let claimDay = raised + Int(rng.next() % 10)
      let resolved = claimed && rng.next() % 2 == 0
      let resolvedDay = claimDay + Int(rng.next() % 60)
      let due = raised + 30 + Int(rng.next() % 90)
      let d = { (n: Int) in Day(daysSinceEpoch: n).iso }
      ledger.line(
        "M\(m),事项\(m),\(unit),\(d(raised)),\(claimed ? "领导\(m % 50)" : ""),\(claimed ? d(claimDay) : ""),\(d(due)),"
          + "\(resolved ? "resolved" : claimed ? "in_progress" : "open"),\(resolved ? d(resolvedDay) : ""),\(rng.next() % 6 == 0 ? "yes" : "no"),"
      )
    }
    try ledger.close()

    // Opinions: about 3.6 per matter, each dated on or before its matter's raised day; some not adopted.
    var feedback = CSVFile(dir.appendingPathComponent("feedback.csv"), header: "id,date,unit,channel,content,matter")
    let opinions = matters * 36 / 10
    for f in 0..<opinions {
      let adopted = matters > 0 && rng.next() % 5 != 0
      let m = adopted ? Int(rng.next() % UInt64(matters)) : -1
      let day = adopted ? raisedDays[m] - Int(rng.next() % 20) : first + Int(rng.next() % 300)
      let unit = branchesOf[Int(rng.next() % UInt64(max(units, 1)))].last!
      feedback.line("F\(f),\(Day(daysSinceEpoch: max(day, first)).iso),\(unit),座谈会,意见\(f),\(adopted ? "M\(m)" : "")")
    }
    try feedback.close()
  }
}

/// SplitMix64: a small, fast, seedable generator, so files are the same on every machine.
public struct SplitMix64 {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  /// The next number.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A CSV file written line by line through a buffer.
struct CSVFile {
  private let handle: FileHandle
  private var buffer = Data()

  init(_ url: URL, header: String) {
    FileManager.default.createFile(atPath: url.path, contents: nil)
    handle = FileHandle(forWritingAtPath: url.path)!
    line(header)
  }

  mutating func line(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    buffer.append(0x0A)
    if buffer.count > 1 << 20 {
      handle.write(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
  }

  mutating func close() throws {
    handle.write(buffer)
    try handle.close()
  }
}
