import Foundation

/// PDFs of the workbook and the briefing's .docx, converted by LibreOffice headless when it is
/// installed (`soffice`). Each PDF is converted into a private folder and renamed into place.
public enum PDFExport {
  /// The LibreOffice program: `$REPORT_SOFFICE` when set, else `soffice` or `libreoffice` on the
  /// PATH; nil when none is installed.
  public static func converter(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let given = environment["REPORT_SOFFICE"] {
      return FileManager.default.isExecutableFile(atPath: given) ? given : nil
    }
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      for name in ["soffice", "libreoffice"] {
        let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }

  /// The PDF's path for a source: `monthly-2021-07.xlsx` → `monthly-2021-07-workbook.pdf`,
  /// `monthly-2021-07.docx` → `monthly-2021-07-briefing.pdf`.
  public static func target(for source: String) -> String {
    let url = URL(fileURLWithPath: source)
    let suffix = url.pathExtension == "xlsx" ? "-workbook" : "-briefing"
    return url.deletingPathExtension().path + suffix + ".pdf"
  }

  /// Converts each file to PDF beside it; returns the PDFs' paths.
  ///
  /// - Throws: `WriterError.pdfConverterMissing` when LibreOffice is not installed (exit 69);
  ///   `.pdfConversion` when it fails on a file.
  public static func convert(_ sources: [String]) throws(WriterError) -> [String] {
    guard let soffice = converter() else { throw .pdfConverterMissing }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("report-pdf-\(getpid())-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    var written: [String] = []
    for source in sources {
      let out = work.appendingPathComponent("out")
      try? FileManager.default.removeItem(at: out)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: soffice)
      // A profile of its own, so a running LibreOffice of the user's does not swallow the job.
      process.arguments = [
        "-env:UserInstallation=" + work.appendingPathComponent("profile").absoluteString, "--headless", "--norestore",
        "--convert-to", "pdf", "--outdir", out.path, source,
      ]
      process.standardOutput = FileHandle.nullDevice
      let errors = Pipe()
      process.standardError = errors
      do { try process.run() } catch { throw .pdfConversion(path: source, reason: "\(error)") }
      let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      let produced = out.appendingPathComponent(URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent + ".pdf")
      guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: produced.path) else {
        let reason = message.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
        throw .pdfConversion(path: source, reason: reason)
      }
      let target = target(for: source)
      guard
        rename(produced.path, target) == 0
          || (try? FileManager.default.replaceItemAt(URL(fileURLWithPath: target), withItemAt: produced)) != nil
      else {
        throw .cannotCreate(path: target, reason: String(cString: strerror(errno)))
      }
      written.append(target)
    }
    return written
  }
}
