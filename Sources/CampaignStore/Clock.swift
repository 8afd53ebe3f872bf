import CampaignModel
import Foundation

extension Day {
  /// Today in the local time zone.
  public static func today() -> Day {
    let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return Day(year: c.year!, month: c.month!, day: c.day!)!
  }
}

/// The time a batch is recorded at: local time with its offset, `2021-08-03T09:12:00+08:00`.
enum Clock {
  static func timestamp(_ date: Date = Date()) -> String {
    let f = ISO8601DateFormatter()
    f.timeZone = .current
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: date)
  }
}

/// Who runs the program, for a batch's `by` when `--by` is not given.
public enum SystemUser {
  public static var name: String {
    if let pw = getpwuid(geteuid()), let n = pw.pointee.pw_name { return String(cString: n) }
    return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
  }
}
