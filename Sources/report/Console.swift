import ArgumentParser
import CampaignModel
import CampaignStore
import Foundation
import Writers

/// Exit statuses a scheduler can act on (BSD sysexits).
enum Exit: Int32 {
  case ok = 0
  case usage = 64
  case dataError = 65
  case noInput = 66
  case unavailable = 69
  case software = 70
  case cannotCreate = 73
  case ioError = 74
  case busy = 75
  case noPermission = 77

  /// The status for an error of the library.
  static func code(for error: any Error) -> Exit {
    switch error {
    case let e as StoreError:
      switch e {
      case .missingFile, .unreadableFile, .missingDatabase, .emptyDatabase: return .noInput
      case .badEncoding, .badWorkbook, .unrecognisedHeader, .badData, .newerSchema, .notADatabase: return .dataError
      case .setting, .unknownOrganization, .badServerURL, .catalogueWithRoot, .campaign: return .usage
      case .busy: return .busy
      case .diskFull, .ioError: return .ioError
      case .databaseIsFolder: return .usage
      case .readOnly, .serverRefused: return .noPermission
      case .serverUnreachable: return .unavailable
      case .database: return .software
      case .batch(let b):
        switch b {
        case .unknownBatch, .emptyReason: return .usage
        case .alreadyUndone, .undoOfUndo, .structural, .laterBatches, .nothingToReturn, .overlappingSubmission, .submissionOfTop,
          .structureInSubmission, .laterSubmission, .laterReturn:
          return .dataError
        }
      }
    case is CampaignModelError: return .usage
    case let e as WriterError:
      switch e {
      case .cannotCreate: return .cannotCreate
      case .templateNotFound: return .noInput
      case .templateSyntax, .templateUnknownName, .referenceDocx: return .dataError
      case .pdfConverterMissing: return .unavailable
      case .pdfConversion: return .software
      case .library, .notANumber, .invalidSheetName: return .software
      }
    default: return .software
    }
  }
}

/// Where messages go: results to stdout, errors to stderr.
enum Console {
  /// Writes a line to stderr.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// The first line of the last error printed, for the run log.
  nonisolated(unsafe) static var lastError: String?

  /// Runs `body`; a library error is printed to stderr in `lang` and becomes its exit code.
  static func guarded<T>(_ lang: Language, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let e as ExitCode {
      throw e
    } catch {
      let text = message(for: error, in: lang)
      lastError = text.split(separator: "\n").first.map(String.init)
      Console.error(text)
      throw ExitCode(Exit.code(for: error).rawValue)
    }
  }

  /// The message of an error in a language, prefixed with `report: ` when it is one line.
  static func message(for error: any Error, in lang: Language) -> String {
    let text: String
    switch error {
    case let e as StoreError: text = e.message(in: lang)
    case let e as WriterError: text = e.message(in: lang)
    default: text = "\(error)"
    }
    return "report: " + text
  }

  /// The language of messages given before the options are parsed (argument errors): `--lang`
  /// among the arguments, else `$REPORT_LANG`, else Chinese.
  static var argumentLanguage: Language {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: "--lang"), i + 1 < args.count, let l = Language(rawValue: args[i + 1]) { return l }
    if let a = args.first(where: { $0.hasPrefix("--lang=") }), let l = Language(rawValue: String(a.dropFirst(7))) { return l }
    if let env = ProcessInfo.processInfo.environment["REPORT_LANG"], let l = Language(rawValue: env) { return l }
    return .zh
  }

  /// A usage message in the argument language.
  static func usage(_ zh: String, _ en: String) -> String { argumentLanguage.pick(zh, en) }

  /// Whether stderr is a terminal (progress lines only go there).
  static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

/// A text of the command line (help, argument errors) in the argument language: Chinese
/// unless `--lang en` or `REPORT_LANG=en`.
func tr(_ zh: String, _ en: String) -> String { Console.argumentLanguage.pick(zh, en) }
