import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation

extension Report {
  /// `report schedule`: a crontab block and systemd units for the unattended reports.
  struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "schedule",
      abstract: tr(
        "输出月报、季报、年报的 crontab 配置和 systemd 定时器/服务单元。",
        "Print a crontab block and systemd timer/service units for the monthly, quarterly and annual reports."))

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp(tr("定时任务的输出文件夹。", "The folder the scheduled runs write into."), valueName: "dir"))
    var out = "Output"

    func run() throws {
      let binary = Self.executablePath()
      let server = CampaignStore.isServerURL(options.databasePath)
      // A server's URL goes in without its password: the jobs read it from ~/.pgpass.
      let db = server ? CampaignStore.redacted(options.databasePath) : URL(fileURLWithPath: options.databasePath).standardizedFileURL.path
      let folder = URL(fileURLWithPath: out).standardizedFileURL.path
      let log = URL(fileURLWithPath: folder).appendingPathComponent("report.log").path
      let args = "--previous --quiet --out \(Self.quoted(folder)) --log \(Self.quoted(log))"
      let lang = options.language
      let langFlag = lang == .en ? " --lang en" : ""
      // The jobs run the day after the submission deadline (the store's setting, default 5),
      // when the month's submissions are in.
      let deadline = (try? CampaignStore(path: options.databasePath, mode: .existing).settings().submissionDeadline) ?? 5
      let day = deadline + 1
      let user = Self.owner(of: server ? nil : db) ?? SystemUser.name
      let t = { (zh: String, en: String) in lang.pick(zh, en) }
      let pad = { (s: String) in s.padding(toLength: max(s.count, 18), withPad: " ", startingAt: 0) }
      print(
        """
        # \(t("CampaignReport 定时报表：", "CampaignReport: unattended reports of ")) \(db)
        # \(t("粘贴到 crontab -e。每个任务统计运行日之前最近一个完整的统计期，", "Paste into `crontab -e`. Each job reports the last complete period before the day it runs,"))
        # \(t("写出 \(folder)/monthly-YYYY-MM.xlsx（及 .txt、quarterly-…、annual-…），并在", "writes \(folder)/monthly-YYYY-MM.xlsx (and .txt, quarterly-…, annual-…) and appends a line to"))
        # \(t("\(log) 末尾追加一行。退出码：0 成功，64 用法错误，65 数据错误，66 缺少数据库或输入，", "\(log). Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing database or input,"))
        # \(t("69 无法连接数据库服务器，70 内部错误，73 无法写出报表，74 磁盘已满，75 数据库忙（稍后重试），", "69 database server unreachable, 70 internal error, 73 cannot write output, 74 disk full, 75 database busy (try again),"))
        # \(t("77 无权限。", "77 no permission."))
        # \(t("任务在报送截止日（submission_deadline = \(deadline)）的次日运行，此时各单位已报送；", "The jobs run the day after the submission deadline (submission_deadline = \(deadline)), when the units have submitted;"))
        # \(t("修改截止日后请重新运行 report schedule。cron 没有节假日日历：遇节假日可手工补跑。", "run report schedule again after changing it. Cron has no holiday calendar: run a job by hand when needed."))
        # \(t("以数据库的属主运行（crontab -e 时用该用户）：\(user)。", "Run as the store's owner (use that user's crontab -e): \(user)."))\(server ? "\n# " + t("数据库密码取自运行用户的 ~/.pgpass（或 PGPASSWORD）。", "The database password comes from ~/.pgpass (or PGPASSWORD) of the user the jobs run as.") : "")
        REPORT_DB=\(db)
        \(pad("30 6 \(day) * *")) \(Self.quoted(binary)) monthly \(args)\(langFlag)
        \(pad("45 6 \(day) 1,4,7,10 *")) \(Self.quoted(binary)) quarterly \(args)\(langFlag)
        \(pad("0 7 \(day) 1 *")) \(Self.quoted(binary)) annual \(args)\(langFlag)
        # \(t("可选：截止日前两天上午输出催报通知：", "Optional: the 催报 notice two days before the deadline:"))
        # \(pad("0 9 \(max(1, deadline - 2)) * *")) \(Self.quoted(binary)) remind --previous > \(Self.quoted(folder))/remind.txt

        # \(t("用 systemd 代替 cron（关机错过的任务开机后补跑：Persistent=true）。", "systemd instead of cron (runs a missed job after the machine was off: Persistent=true)."))
        # /etc/systemd/system/campaign-report@.service
        [Unit]
        Description=CampaignReport %i report

        [Service]
        Type=oneshot
        User=\(user)
        Environment=REPORT_DB=\(db)
        ExecStart=\(binary) %i \(args)\(langFlag)

        # /etc/systemd/system/campaign-report-monthly.timer
        [Timer]
        OnCalendar=*-*-\(String(format: "%02d", day)) 06:30:00
        Persistent=true
        Unit=campaign-report@monthly.service

        [Install]
        WantedBy=timers.target

        # /etc/systemd/system/campaign-report-quarterly.timer
        [Timer]
        OnCalendar=*-01,04,07,10-\(String(format: "%02d", day)) 06:45:00
        Persistent=true
        Unit=campaign-report@quarterly.service

        [Install]
        WantedBy=timers.target

        # /etc/systemd/system/campaign-report-annual.timer
        [Timer]
        OnCalendar=*-01-\(String(format: "%02d", day)) 07:00:00
        Persistent=true
        Unit=campaign-report@annual.service

        [Install]
        WantedBy=timers.target

        # \(t("然后：", "Then:")) systemctl daemon-reload && systemctl enable --now campaign-report-monthly.timer \\
        #   campaign-report-quarterly.timer campaign-report-annual.timer
        """)
    }

    /// The owner of a file, by name; nil when there is no such file.
    static func owner(of path: String?) -> String? {
      guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
      return attributes[.ownerAccountName] as? String
    }

    /// The absolute path of the running binary.
    static func executablePath() -> String {
      if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
      return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// A path quoted for a shell when it needs it.
    static func quoted(_ path: String) -> String {
      path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) }
        ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
  }
}
