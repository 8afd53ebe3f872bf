import CampaignModel
import Foundation
import TestSupport
import Testing

@testable import CampaignStore

/// Every file in `Tests/Fixtures/fuzz/` is an input that once crashed a reader, or a crafted
/// hostile one: each must now be refused with a clear error and leave the store unchanged.
@Suite("Fuzz findings and hostile files")
struct FuzzFindingTests {
  static let files: [String] = {
    let dir = Fixtures.directory.appendingPathComponent("fuzz")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }()

  @Test("the fixture folder holds the findings")
  func present() {
    #expect(Self.files.contains("sheet-name-not-utf8.xlsx"))
    #expect(Self.files.contains("sheet-claims-2gb.xlsx"))
    #expect(Self.files.contains("row-inside-cell.xlsx"))
    #expect(Self.files.contains("deflate-cut-short.xlsx"))
    #expect(Self.files.contains("deflate-last-chunk.xlsx"))
    #expect(Self.files.contains("xxe-external-entity.xlsx"))
    #expect(Self.files.contains("negative-shared-string.xlsx"))
    #expect(Self.files.contains("huge-date-serial.xlsx"))
    #expect(Self.files.contains("processing-instruction.xlsx"))
    #expect(Self.files.contains("declaration-left-open.xlsx"))
    #expect(Self.files.contains("undeclared-prefixes.xlsx"))
    #expect(Self.files.contains("utf7-declaration.xlsx"))
  }

  @Test("each is refused with a message that names the file, and nothing is written", arguments: files)
  func refused(_ name: String) throws {
    let t = try TestStore.tiny()
    defer { t.directory.remove() }
    let before = try t.dump()
    let path = Fixtures.path("fuzz/\(name)")
    do {
      _ = try t.store.importFile(path)
      Issue.record("\(name) was imported")
    } catch {
      #expect(text(error).contains(path))
    }
    #expect(try t.dump() == before)
  }

  @Test("a sheet whose name is not UTF-8 is refused before Foundation's parser sees it")
  func notUTF8() throws {
    let t = try TestStore()
    defer { t.directory.remove() }
    #expect(throws: StoreError.self) { try t.store.importFile(Fixtures.path("fuzz/sheet-name-not-utf8.xlsx")) }
    do {
      _ = try t.store.importFile(Fixtures.path("fuzz/sheet-name-not-utf8.xlsx"))
    } catch {
      #expect(text(error).contains("is not UTF-8 text"))
    }
  }

  @Test("a part claiming more than the limit is refused without unpacking it")
  func sizeLimit() throws {
    let t = try TestStore()
    defer { t.directory.remove() }
    do {
      _ = try t.store.importFile(Fixtures.path("fuzz/sheet-claims-2gb.xlsx"))
      Issue.record("imported")
    } catch {
      #expect(text(error).contains("unpacks to more than 768 MB"))
    }
  }

  @Test("an external entity in a sheet is not read (XXE), and entity expansion is refused")
  func entities() throws {
    // The fixture's entity points at this file.
    let secret = "/tmp/xxe-secret.txt"
    try Data("TOP-SECRET-CONTENT".utf8).write(to: URL(fileURLWithPath: secret))
    defer { try? FileManager.default.removeItem(atPath: secret) }
    let t = try TestStore()
    defer { t.directory.remove() }
    for name in ["xxe-external-entity.xlsx", "entity-expansion.xlsx"] {
      do {
        _ = try t.store.importFile(Fixtures.path("fuzz/\(name)"))
        Issue.record("\(name) was imported")
      } catch {
        #expect(!text(error).contains("TOP-SECRET"))
      }
    }
    #expect(try !t.dump().contains("TOP-SECRET"))
  }

  @Test("processing instructions and DTDs, which crash Foundation's parser, are found; the XML declaration, comments and CDATA are not")
  func processingInstructions() {
    let cases: [(String, String?)] = [
      ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet/>", nil),
      ("\u{FEFF}  <?xml version=\"1.0\"?><a>x</a>", nil),
      ("<worksheet/>", nil), ("", nil), ("<", nil), ("<a><!-- note --><![CDATA[<b>]]></a>", nil),
      ("<?xml version=\"1.0\"?><a><?x?></a>", "pi"), ("<?xml0RsF?><a/>", "pi"), ("<a/><?pi data?>", "pi"),
      // A declaration left open swallows a processing instruction up to its `?>` (found by fuzzing).
      ("<?xml version=\"1.0\" enco<sheets>x<?xml0RsF?>\n<a/>", "pi"), ("<?xml version=\"1.0\" >", "pi"),
      ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ATTLIST a b CDATA #IMPLIED>]><a/>", "dtd"), ("<a><!ENTITY x \"y\"></a>", "dtd"),
    ]
    for (xml, expected) in cases {
      let found = XlsxReader.unsupportedMarkup(Data(xml.utf8))
      #expect(found.map { $0.contains("processing instruction") ? "pi" : "dtd" } == expected, "\(xml)")
    }
  }

  @Test("a date serial that no Int holds is no date, not a trap")
  func hugeSerials() {
    for serial in [1e300, -1, 3_000_000, .infinity, -.infinity, .nan] {
      #expect(XlsxSheet.day(fromSerial: serial, date1904: false) == nil, "\(serial)")
    }
    #expect(XlsxSheet.day(fromSerial: 44380.5, date1904: false)?.iso == "2021-07-03")
  }

  @Test("cell references past Excel's last column are not numbers that overflow")
  func columns() {
    #expect(XlsxSheet.column(of: "A1") == 1)
    #expect(XlsxSheet.column(of: "XFD1") == 16_384)
    #expect(XlsxSheet.column(of: "XFE1") == nil)
    #expect(XlsxSheet.column(of: String(repeating: "Z", count: 40) + "1") == nil)
  }

  func text(_ error: any Error) -> String { (error as? StoreError)?.message(in: .en) ?? "\(error)" }
}
