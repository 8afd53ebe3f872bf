import CXlsxWriter
import Foundation

/// Errors of the workbook layer, each with what to do about it.
public enum XlsxError: Error, LocalizedError, CustomStringConvertible {
  /// The workbook file cannot be created (folder missing or not writable, disk full).
  case cannotCreate(path: String, reason: String)
  /// libxlsxwriter refused an operation; `code` is its error number.
  case library(operation: String, code: Int32, message: String)
  /// A number that Excel cannot store (NaN or infinity) reached a cell.
  case notANumber(sheet: String, cell: String)
  /// A sheet name was refused even after cleaning.
  case invalidSheetName(String)

  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason):
      return "cannot create the workbook \(path): \(reason). Check that the folder exists, is writable and has free space."
    case .library(let operation, let code, let message):
      return "writing the workbook failed in \(operation): \(message) (libxlsxwriter error \(code))."
    case .notANumber(let sheet, let cell):
      return "\(sheet)!\(cell): a figure is not a finite number; this is a bug, please report it."
    case .invalidSheetName(let name):
      return "the sheet name '\(name)' is not allowed by Excel."
    }
  }

  public var errorDescription: String? { description }

  /// Throws when a libxlsxwriter call returned an error.
  static func check(_ code: lxw_error, _ operation: @autoclosure () -> String) throws(XlsxError) {
    guard code != LXW_NO_ERROR else { return }
    let message = lxw_strerror(code).map { String(cString: $0) } ?? "unknown error"
    throw .library(operation: operation(), code: Int32(code.rawValue), message: message)
  }
}
