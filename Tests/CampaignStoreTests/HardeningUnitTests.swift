import Aggregation
import CampaignModel
import Foundation
import TestSupport
import Testing
import Writers

@testable import CampaignStore

/// Reproductions of issue 16 that are best checked below the binary.
@Suite("Hardening, below the binary")
struct HardeningUnitTests {
  @Test(
    "13. _xHHHH_ in text is written as _x005F_xHHHH_ and our reader gives the text back exactly, in both writing modes",
    arguments: [false, true])
  func escapes(_ constantMemory: Bool) throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = dir.path("e.xlsx")
    let texts = ["_x0041_BC_x000D_end", "a_x12_b", "_X0041_", "plain_text", "_x005F_"]
    let book = try Workbook(path: path, constantMemory: constantMemory)
    let sheet = try book.addSheet("活动")
    for (i, t) in texts.enumerated() { try sheet.write(i, 0, .text(t)) }
    try book.close()
    var read: [String] = []
    try XlsxReader(path: path).sheets()[0].forEachRecord { read.append($0.field(0)) }
    #expect(read == texts)
  }

  @Test("17. only plain decimals are numbers in a sheet")
  func decimals() {
    for t in ["1", "-1.5", "2E-3", "1.5e+10", ".5", "5."] { #expect(XlsxSheet.isDecimalNumber(t), "\(t)") }
    for t in ["0x10", "nan", "inf", "1e", "--1", "", "1.2.3", " 1"] { #expect(!XlsxSheet.isDecimalNumber(t), "\(t)") }
  }

  @Test("1. a rate of the largest sums the importer allows is printed, not trapped")
  func largeRatio() {
    let big = 1_000_000 * 1_000_000_000_000  // 10^18
    #expect(Ratio(big, 3)!.fixed(1, scale: 100) == "33333333333333333333.3")
  }

  @Test("SHA-256 gives the standard's answers, also across chunk boundaries")
  func sha256() {
    #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    let million = [UInt8](repeating: 0x61, count: 1_000_000)
    #expect(SHA256.hex(of: million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    // The same bytes fed in uneven chunks (55, 56, 63, 64 bytes and more).
    var s = SHA256()
    var offset = 0
    for size in [55, 56, 63, 64, 1, 127, 999_634] {
      s.update(million[offset..<(offset + size)])
      offset += size
    }
    #expect(s.finish().map { String(format: "%02x", $0) }.joined() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("the streaming part check refuses what the whole-part check refuses, wherever the chunks break")
  func partChecker() {
    let cases: [(String, Bool)] = [
      ("<?xml version=\"1.0\"?><a><!-- c --><![CDATA[x]]></a>", true),
      ("<?xml version=\"1.0\"?><a><?pi x?></a>", false),
      ("<a><!DOCTYPE x></a>", false),
      ("<?xml version=\"1.0\"><a/>", false),
      ("<a>\u{0}</a>", false),
    ]
    for (text, ok) in cases {
      let bytes = Array(text.utf8)
      #expect((XlsxReader.unsupportedMarkup(Data(bytes)) == nil && !bytes.contains(0)) == ok, "\(text)")
      for size in 1...bytes.count {
        var checker = PartChecker()
        var problem: String?
        var i = 0
        while i < bytes.count, problem == nil {
          problem = checker.feed(Data(bytes[i..<min(bytes.count, i + size)]))
          i += size
        }
        if problem == nil { problem = checker.finish() }
        #expect((problem == nil) == ok, "\(text) in chunks of \(size)")
      }
    }
  }
}

@Suite("Messages in Chinese")
struct ChineseReasonTests {
  @Test("every hostile fixture is refused with a message in Chinese, no English sentence inside", arguments: FuzzFindingTests.files)
  func fixture(_ name: String) throws {
    let t = try TestStore()
    do {
      _ = try t.store.importFile(Fixtures.path("fuzz/\(name)"))
    } catch {
      let message = error.message(in: .zh)
      #expect(message.firstMatch(of: /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/) == nil, "\(message)")
    }
  }
}
