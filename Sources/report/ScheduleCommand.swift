import ArgumentParser
import CampaignStore
import Foundation

extension Report {
  /// `report schedule`: a crontab block and systemd units for the unattended reports.
  struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "schedule",
      abstract: "Print a crontab block and systemd timer/service units for the monthly, quarterly and annual reports.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The folder the scheduled runs write into.", valueName: "dir"))
    var out = "Output"

    func run() throws {
      let binary = Self.executablePath()
      // A server's URL goes in without its password: the jobs read it from ~/.pgpass.
      let db = CampaignStore.isServerURL(options.databasePath)
        ? CampaignStore.redacted(options.databasePath) : URL(fileURLWithPath: options.databasePath).standardizedFileURL.path
      let folder = URL(fileURLWithPath: out).standardizedFileURL.path
      let log = URL(fileURLWithPath: folder).appendingPathComponent("report.log").path
      let args = "--previous --quiet --out \(Self.quoted(folder)) --log \(Self.quoted(log))"
      let lang = options.language == .en ? " --lang en" : ""
      print("""
        # CampaignReport: unattended reports of \(db)
        # Paste into `crontab -e`. Each job reports the last complete period before the day it runs,
        # writes \(folder)/monthly-YYYY-MM.xlsx (and .txt, quarterly-…, annual-…) and appends a line to
        # \(log). Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing database or input,
        # 69 database server unreachable, 70 internal error, 73 cannot write output, 75 database busy
        # (try again), 77 no permission.
        # Cron has no holiday calendar: the jobs run on the 1st (and the annual one on 2 January).\(CampaignStore.isServerURL(options.databasePath) ? "\n# The database password comes from ~/.pgpass (or PGPASSWORD) of the user the jobs run as." : "")
        REPORT_DB=\(db)
        30 6 1 * *        \(Self.quoted(binary)) monthly \(args)\(lang)
        45 6 1 1,4,7,10 * \(Self.quoted(binary)) quarterly \(args)\(lang)
        0 7 2 1 *         \(Self.quoted(binary)) annual \(args)\(lang)

        # systemd instead of cron (runs a missed job after the machine was off: Persistent=true).
        # /etc/systemd/system/campaign-report@.service
        [Unit]
        Description=CampaignReport %i report

        [Service]
        Type=oneshot
        Environment=REPORT_DB=\(db)
        ExecStart=\(binary) %i \(args)\(lang)

        # /etc/systemd/system/campaign-report-monthly.timer
        [Timer]
        OnCalendar=*-*-01 06:30:00
        Persistent=true
        Unit=campaign-report@monthly.service

        [Install]
        WantedBy=timers.target

        # /etc/systemd/system/campaign-report-quarterly.timer
        [Timer]
        OnCalendar=*-01,04,07,10-01 06:45:00
        Persistent=true
        Unit=campaign-report@quarterly.service

        [Install]
        WantedBy=timers.target

        # /etc/systemd/system/campaign-report-annual.timer
        [Timer]
        OnCalendar=*-01-02 07:00:00
        Persistent=true
        Unit=campaign-report@annual.service

        [Install]
        WantedBy=timers.target

        # Then: systemctl daemon-reload && systemctl enable --now campaign-report-monthly.timer \\
        #   campaign-report-quarterly.timer campaign-report-annual.timer
        """)
    }

    /// The absolute path of the running binary.
    static func executablePath() -> String {
      if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
      return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// A path quoted for a shell when it needs it.
    static func quoted(_ path: String) -> String {
      path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) } ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
  }
}
