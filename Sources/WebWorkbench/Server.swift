import Aggregation
import CampaignModel
import CampaignStore
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore
import Workflow
import Writers

/// The workbench's routes. Each handler reads its input, calls the library (Workflow, Access,
/// Forms, Reports) off the cooperative threads, and renders a page; none decides a figure or
/// queries the store.
final class Server: Sendable {
  let configuration: WorkbenchConfiguration
  let store: CampaignStore
  let pages: Pages
  let throttle: LoginThrottle
  /// The boards rendered in the last two seconds (see `PageCache`).
  let boards = PageCache(lifetime: .seconds(2))

  init(configuration: WorkbenchConfiguration, store: CampaignStore) throws {
    self.configuration = configuration
    self.store = store
    let folder = Reports.templatesFolder(given: configuration.templates, settings: try store.settings(), lang: configuration.lang)
    pages = try Pages(folder: folder)
    throttle = LoginThrottle(base: configuration.loginDelay)
  }

  /// Stand-ins for the session's values in a cached page, replaced per request.
  static let csrfMark = "csrf-mark-5e0c2b9a"
  static let userMark = "user-mark-5e0c2b9a"

  /// A cached page with the session's values in place of the stand-ins.
  func personalized(_ page: CachedPage, _ session: OfficeSession) -> Response {
    let html = page.filled(csrf: session.csrf, user: Self.htmlEscaped(session.user))
    return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
  }

  static func htmlEscaped(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  func addRoutes(to router: Router<WebContext>) {
    router.get("/") { request, context in
      context.sessions.session == nil ? Response.redirect(to: "/login", type: .normal) : Response.redirect(to: "/office", type: .normal)
    }
    router.get("/static/workbench.css") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
        body: .init(byteBuffer: ByteBuffer(string: self.pages.stylesheet)))
    }
    router.get("/login") { request, context in self.loginPage(request, failed: false) }
    router.post("/login") { request, context in try await self.login(request, context) }
    router.post("/logout") { request, context in try await self.logout(request, context) }

    router.get("/u/:token") { request, context in try await self.unitPage(request, context) }
    router.get("/u/:token/template") { request, context in try await self.unitTemplate(request, context) }
    router.post("/u/:token/upload") { request, context in try await self.upload(request, context) }

    router.get("/office") { request, context in try await self.board(request, context) }
    router.post("/office/return") { request, context in try await self.returnSubmission(request, context) }
    router.get("/office/history") { request, context in try await self.history(request, context) }
    router.post("/office/undo") { request, context in try await self.undo(request, context) }
    router.get("/office/links") { request, context in try await self.links(request, context) }
    router.get("/office/downloads") { request, context in try await self.downloadsPage(request, context) }
    router.get("/office/figures") { request, context in try await self.figuresPage(request, context) }
    router.get("/office/download") { request, context in try await self.download(request, context) }

    router.get("/api/stats") { request, context in try await self.apiStats(request, context) }
    router.get("/api/status") { request, context in try await self.apiStatus(request, context) }
  }

  // MARK: Language, pages, forms

  /// `?lang=zh|en`, else the browser's first Chinese or English preference, else the server's.
  func language(_ request: Request) -> Language {
    if let l = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) { return l }
    if let accept = request.headers[.acceptLanguage] {
      for tag in accept.split(separator: ",") {
        let code = tag.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        if code.hasPrefix("zh") { return .zh }
        if code.hasPrefix("en") { return .en }
      }
    }
    return configuration.lang
  }

  func html(_ name: String, _ values: [String: Any], lang: Language, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: pages.render(name, values, lang: lang))))
  }

  /// A page of a few lines: an error, a refusal, a confirmation.
  func message(
    _ title: String, _ lines: [String], lang: Language, status: HTTPResponse.Status, back: String? = nil, office: OfficeSession? = nil
  ) -> Response {
    var values: [String: Any] = ["title": title, "lines": lines, "kind": status.code >= 400 ? "error" : "ok"]
    if let back { values["back"] = back }
    if let office { values.merge(officeValues(office, month: nil)) { a, _ in a } }
    return html("message", values, lang: lang, status: status)
  }

  func notFound(_ lang: Language) -> Response {
    message(
      lang.pick("页面不存在", "Not found"),
      [
        lang.pick("没有这个页面。填报链接已撤换时，请向办公室索取新链接。", "There is no such page. If your unit's link was replaced, ask the office for the new one.")
      ],
      lang: lang, status: .notFound)
  }

  func storeFailure(_ error: Error, lang: Language, office: OfficeSession? = nil) -> Response {
    let text: String
    let status: HTTPResponse.Status
    switch error {
    case let e as StoreError:
      text = e.pageMessage(in: lang)
      if case .busy = e { status = .serviceUnavailable } else { status = .unprocessableContent }
    default:
      text = lang.pick("服务器内部错误，本次操作没有保存任何内容。", "Internal error; nothing was saved.")
      status = .internalServerError
    }
    return message(lang.pick("操作未完成", "Not done"), text.split(separator: "\n").map(String.init), lang: lang, status: status, office: office)
  }

  /// A body of at most `limit` bytes; nil when it is larger (the caller answers 413).
  func body(_ request: Request, limit: Int) async throws -> ByteBuffer? {
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { return nil }
    do {
      return try await request.body.collect(upTo: limit)
    } catch let e as HTTPResponseError where e.status == .contentTooLarge {
      return nil
    } catch is NIOTooManyBytesError {
      return nil
    } catch {
      // The client went away or sent a malformed body: nothing was read, nothing is written.
      throw IncompleteBody()
    }
  }

  /// The fields of a urlencoded form of at most 64 KB.
  func form(_ request: Request) async throws -> [String: String]? {
    guard let buffer = try await body(request, limit: 64 * 1024) else { return nil }
    var fields: [String: String] = [:]
    for pair in String(buffer: buffer).split(separator: "&") {
      let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      func decode(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
      fields[decode(kv[0])] = kv.count > 1 ? decode(kv[1]) : ""
    }
    return fields
  }

  func tooLarge(_ lang: Language) -> Response {
    message(
      lang.pick("文件太大", "File too large"),
      [
        lang.pick(
          "上传的文件超过 20 MB，未被接受，没有保存任何内容。报送表通常只有几十 KB：请只上传下载的报送表，删除其中的图片和多余的工作表后重试。",
          "The upload is larger than 20 MB and was not accepted; nothing was stored. A filled-in form is usually a few dozen KB: upload only the downloaded form, without pictures or extra sheets."
        )
      ], lang: lang, status: .contentTooLarge)
  }

  func csrfRefused(_ lang: Language) -> Response {
    message(
      lang.pick("请求已过期", "Request expired"),
      [
        lang.pick(
          "表单已过期或不是从本站提交的，没有执行任何操作。请返回上一页，刷新后重新提交。",
          "The form has expired or did not come from this site; nothing was done. Go back, reload the page and submit again.")
      ], lang: lang, status: .forbidden)
  }

  static func randomToken() -> String { Access.randomToken() }

  func today() -> Day { configuration.today() }

  /// `?month=YYYY-MM`, else `fallback`; nil when the value is not a month.
  func month(_ request: Request, fallback: Month) -> Month? {
    guard let text = request.uri.queryParameters.get("month"), !text.isEmpty else { return fallback }
    return Month(parsing: text)
  }

  func timeText(_ at: String?) -> String {
    guard let at else { return "" }
    // `2021-08-03T09:12:00+08:00` shown as `2021-08-03 09:12`.
    return String(at.prefix(16)).replacingOccurrences(of: "T", with: " ")
  }

  func stateName(_ s: SubmissionState, _ lang: Language) -> String { lang.pick(s.chineseName, s.englishName) }

  // MARK: Login

  func loginPage(_ request: Request, failed: Bool, status: HTTPResponse.Status = .ok) -> Response {
    let lang = language(request)
    let token = Self.randomToken()
    var response = html(
      "login", ["title": Words.table(lang)["loginTitle"] ?? "", "failed": failed, "loginCSRF": token], lang: lang, status: status)
    response.setCookie(Cookie(name: "login_csrf", value: token, path: "/login", httpOnly: true, sameSite: .strict))
    return response
  }

  func login(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let fields = try await form(request) else { return tooLarge(lang) }
    let cookie = request.cookies["login_csrf"]?.value ?? ""
    guard !cookie.isEmpty, Access.constantTimeEqual(fields["csrf"] ?? "", cookie) else { return csrfRefused(lang) }
    let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
    let password = fields["password"] ?? ""
    let pause = await throttle.pause(for: name)
    if pause > .zero { try await Task.sleep(for: pause) }
    let store = self.store
    let ok: Bool
    do {
      ok = try await blocking { try Access.verify(name: name, password: password, store: store) }
    } catch {
      return storeFailure(error, lang: lang)
    }
    guard ok else {
      await throttle.failed(name)
      context.logger.notice("failed login for \"\(name)\"")
      return loginPage(request, failed: true, status: .unauthorized)
    }
    await throttle.succeeded(name)
    context.sessions.createSession(OfficeSession(user: name, csrf: Self.randomToken()), expiresIn: .seconds(8 * 3600))
    return .redirect(to: "/office", type: .normal)
  }

  func logout(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let session = context.sessions.session else { return .redirect(to: "/login", type: .normal) }
    guard let fields = try await form(request) else { return tooLarge(lang) }
    guard Access.constantTimeEqual(fields["csrf"] ?? "", session.csrf) else { return csrfRefused(lang) }
    context.sessions.clearSession()
    return .redirect(to: "/login", type: .normal)
  }

  // MARK: A unit's page

  /// The unit a link opens; nil (the caller answers 404) for any other token.
  func linkedUnit(_ context: WebContext) async throws -> String? {
    let token = context.parameters.get("token") ?? ""
    guard token.count <= 100 else { return nil }
    let store = self.store
    return try await blocking { try Access.unit(forLink: token, store: store) }
  }

  /// The months a unit may submit: from the campaign's start (at most twelve back) to this month.
  func openMonths(_ settings: CampaignSettings) -> [Month] {
    let now = today().monthOfYear
    var months: [Month] = []
    var m = now
    let start = settings.campaignStart?.monthOfYear ?? Month(year: now.year, month: 1)!
    while m >= start && months.count < 12 {
      months.append(m)
      m = m.previous
    }
    return months.isEmpty ? [now] : months
  }

  /// A posted office form: its fields, or the page refusing it.
  enum FormCheck {
    case fields([String: String])
    case refused(Response)
  }

  struct UploadOutcome {
    var accepted: String?
    var refusedHead: String?
    var problems: [String] = []
  }

  func unitPage(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let unit = try await linkedUnit(context) else { return notFound(lang) }
    return try await renderUnitPage(request, unit: unit, lang: lang, outcome: nil)
  }

  func renderUnitPage(
    _ request: Request, unit: String, lang: Language, outcome: UploadOutcome?, status: HTTPResponse.Status = .ok,
    month chosen: Month? = nil
  ) async throws -> Response {
    guard let month = chosen ?? self.month(request, fallback: today().monthOfYear.previous) else {
      return message(
        lang.pick("月份有误", "Bad month"), [lang.pick("月份应写作 YYYY-MM。", "Write the month as YYYY-MM.")], lang: lang, status: .badRequest)
    }
    let store = self.store
    let loaded: (SubmissionStatus, [BatchRecord], CampaignSettings, [UInt8])
    do {
      loaded = try await blocking {
        (
          try Submissions.status(of: month, in: store), try Submissions.history(in: store, unit: unit), try store.settings(),
          try Access.key(store)
        )
      }
    } catch {
      return storeFailure(error, lang: lang)
    }
    let (status_, batches, settings, key) = loaded
    guard let line = status_.units.first(where: { $0.unit.id == unit }) else { return notFound(lang) }
    var months = openMonths(settings)
    if !months.contains(month) { months.insert(month, at: 0) }
    let token = linkToken(request)
    var values: [String: Any] = [
      "title": lang.pick("\(line.unit.name) · 报送", "\(line.unit.name) · submission"),
      "unitName": line.unit.name, "unitID": line.unit.id, "token": token, "monthISO": month.iso,
      "monthLabel": lang.pick(month.chinese, month.iso), "stateKey": line.state.rawValue, "stateName": stateName(line.state, lang),
      "csrf": Access.unitCSRF(unit: unit, key: key),
      "months": months.map { m -> [String: Any] in ["iso": m.iso, "label": lang.pick(m.chinese, m.iso), "selected": m == month] },
      "history": batches.reversed().map { b -> [String: Any] in historyRow(b, lang: lang) },
      "has_history": !batches.isEmpty,
    ]
    if line.state != .missing {
      values["submittedAt"] = timeText(line.submittedAt)
      values["rows"] = line.rows
    }
    if line.state == .returned, let reason = line.reason { values["reason"] = reason }
    if let outcome {
      if let accepted = outcome.accepted { values["accepted"] = accepted }
      if let head = outcome.refusedHead {
        values["refused"] = true
        values["refusedHead"] = head
        values["problems"] = outcome.problems
        values["has_problems"] = !outcome.problems.isEmpty
      }
    }
    return html("unit", values, lang: lang, status: status)
  }

  /// The link's token as the request gave it (for the page's own addresses).
  func linkToken(_ request: Request) -> String {
    let parts = request.uri.path.split(separator: "/")
    return parts.count >= 2 ? String(parts[1]) : ""
  }

  func historyRow(_ b: BatchRecord, lang: Language) -> [String: Any] {
    var note = ""
    if let reason = b.reason { note = lang.pick("退回意见：", "reason: ") + reason }
    if let undoes = b.undoes { note = lang.pick("撤销第 \(undoes) 批", "undoes batch \(undoes)") }
    if let by = b.undoneBy { note += (note.isEmpty ? "" : "；") + lang.pick("已被第 \(by) 批撤销", "undone by batch \(by)") }
    return [
      "batch": b.batch, "at": timeText(b.at), "action": lang.pick(b.action.chineseName, b.action.rawValue),
      "month": b.scope.map { lang.pick($0.month.chinese, $0.month.iso) } ?? "", "unit": b.scope?.unit ?? "", "rows": b.rows,
      "note": note, "undone": b.undoneBy != nil, "file": b.file ?? "", "author": b.author,
    ]
  }

  func unitTemplate(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let unit = try await linkedUnit(context) else { return notFound(lang) }
    guard let month = month(request, fallback: today().monthOfYear.previous) else { return notFound(lang) }
    let formRequest = Forms.Request(unit: unit, month: month, today: today(), lang: lang)
    let store = self.store
    do {
      let bytes = try await blocking { () -> [UInt8] in
        try Self.inTemporaryFolder { folder in
          let path = folder + "/" + formRequest.fileName
          try Forms.write(formRequest, store: store, to: path)
          return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
      }
      return Self.download(bytes, name: formRequest.fileName)
    } catch {
      return storeFailure(error, lang: lang)
    }
  }

  func upload(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let unit = try await linkedUnit(context) else { return notFound(lang) }
    guard let month = month(request, fallback: today().monthOfYear.previous) else { return notFound(lang) }
    guard let boundary = Multipart.boundary(of: request.headers[.contentType]) else {
      return message(
        lang.pick("上传有误", "Bad upload"), [lang.pick("请用页面上的表单上传文件。", "Upload the file with the page's form.")], lang: lang,
        status: .badRequest)
    }
    guard let body = try await body(request, limit: Workbench.uploadLimit + 64 * 1024) else { return tooLarge(lang) }
    let parts: [FormPart]
    do { parts = try Multipart.parts(of: body, boundary: boundary) } catch {
      return message(
        lang.pick("上传有误", "Bad upload"),
        [lang.pick("上传的内容不完整，请重新选择文件上传。", "The upload arrived incomplete; choose the file and upload it again.")],
        lang: lang, status: .badRequest)
    }
    let store = self.store
    let key = try await blocking { try Access.key(store) }
    let csrf = parts.first { $0.name == "csrf" }?.text ?? ""
    guard Access.constantTimeEqual(csrf, Access.unitCSRF(unit: unit, key: key)) else { return csrfRefused(lang) }
    guard let file = parts.first(where: { $0.name == "file" }), !file.body.isEmpty else {
      return try await renderUnitPage(
        request, unit: unit, lang: lang,
        outcome: UploadOutcome(
          refusedHead: lang.pick("没有选择文件。请选择填好的报送表再上传。", "No file was chosen. Choose the filled-in form, then upload.")),
        status: .unprocessableContent, month: month)
    }
    guard file.body.count <= Workbench.uploadLimit else { return tooLarge(lang) }
    let name = Self.displayName(file.fileName)
    let importRequest = ImportRequest(submission: SubmissionScope(unit: unit, month: month), author: "web:\(unit)", today: today())
    let bytes = Data(file.body)
    let result: Result<ImportResult, Error> = await {
      do {
        return .success(
          try await writing { store in try Submissions.submit(try ImportSource(bytes: bytes, name: name), to: store, request: importRequest)
          })
      } catch {
        return .failure(error)
      }
    }()
    switch result {
    case .success(let r):
      let rows = r.summaries.reduce(0) { $0 + $1.rows }
      let added = r.summaries.reduce(0) { $0 + $1.added }
      let updated = r.summaries.reduce(0) { $0 + $1.updated }
      let removed = r.summaries.reduce(0) { $0 + $1.removed }
      context.logger.info("submission of \(unit) for \(month.iso): batch \(r.batch), \(rows) rows")
      let text = lang.pick(
        "第 \(r.batch) 批：\(name)，共 \(rows) 行（新增 \(added)，更新 \(updated)，删除 \(removed)）。",
        "batch \(r.batch): \(name), \(rows) rows (\(added) added, \(updated) updated, \(removed) removed).")
      return try await renderUnitPage(request, unit: unit, lang: lang, outcome: UploadOutcome(accepted: text), month: month)
    case .failure(let error):
      var outcome = UploadOutcome()
      if case .badData(_, let issues, let omitted) = error as? StoreError {
        let lines = (error as! StoreError).pageMessage(in: lang).split(separator: "\n").map(String.init)
        outcome.refusedHead = lines.first
        outcome.problems = issues.map { $0.message(in: lang) } + (omitted > 0 ? [lines.last ?? ""] : [])
      } else if let e = error as? StoreError {
        outcome.refusedHead = e.pageMessage(in: lang)
      } else {
        outcome.refusedHead = lang.pick("服务器内部错误，没有保存任何内容。", "Internal error; nothing was stored.")
      }
      let status: HTTPResponse.Status
      if case .busy = error as? StoreError { status = .serviceUnavailable } else { status = .unprocessableContent }
      return try await renderUnitPage(request, unit: unit, lang: lang, outcome: outcome, status: status, month: month)
    }
  }

  /// An uploaded file's name for messages: its last path component, without control characters.
  static func displayName(_ raw: String?) -> String {
    let last = (raw ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7f }.prefix(120).map(Character.init))
    return clean.isEmpty ? "upload.xlsx" : clean
  }

  static func inTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-serve-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
  }

  static func download(_ bytes: [UInt8], name: String) -> Response {
    let type =
      name.hasSuffix(".xlsx")
      ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      : name.hasSuffix(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "text/plain; charset=utf-8"
    return Response(
      status: .ok,
      headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .contentLength: String(bytes.count)],
      body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  // MARK: The office

  /// The session of a logged-in office user; nil (the caller redirects to the login) otherwise.
  func office(_ context: WebContext) -> OfficeSession? { context.sessions.session }

  func officeValues(_ session: OfficeSession, month: Month?) -> [String: Any] {
    var values: [String: Any] = ["office": true, "user": session.user, "csrf": session.csrf]
    if let month { values["month"] = month.iso }
    return values
  }

  func checkedForm(_ request: Request, _ session: OfficeSession, lang: Language) async throws -> FormCheck {
    guard let fields = try await form(request) else { return .refused(tooLarge(lang)) }
    guard Access.constantTimeEqual(fields["csrf"] ?? "", session.csrf) else { return .refused(csrfRefused(lang)) }
    return .fields(fields)
  }

  func board(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let session = office(context) else { return .redirect(to: "/login", type: .normal) }
    guard let month = month(request, fallback: today().monthOfYear.previous) else { return notFound(lang) }
    let today = self.today()
    let returned = request.uri.queryParameters.get("returned")
    let key = "\(month.iso)|\(lang.rawValue)|\(today.iso)"
    if returned == nil {
      if let page = boards.get(key) { return personalized(page, session) }
      // One rendering for everyone who asks for the same board meanwhile.
      do {
        let page = try await boards.flight.run(key) { [self] in
          let generation = boards.generation
          let html = try await renderBoard(month: month, lang: lang, today: today, notice: nil)
          let page = CachedPage(html, marks: Self.csrfMark, Self.userMark)
          boards.put(key, page, generation: generation)
          return page
        }
        return personalized(page, session)
      } catch {
        return storeFailure(error, lang: lang, office: session)
      }
    }
    do {
      let html = try await renderBoard(
        month: month, lang: lang, today: today,
        notice: lang.pick("已退回 \(returned ?? "") 的报送。", "Returned the submission of \(returned ?? "")."))
      return personalized(CachedPage(html, marks: Self.csrfMark, Self.userMark), session)
    } catch {
      return storeFailure(error, lang: lang, office: session)
    }
  }

  /// The board's page with stand-ins for the session's values, so every session can share it.
  func renderBoard(month: Month, lang: Language, today: Day, notice: String?) async throws -> String {
    let store = self.store
    let base = configuration.linkBase
    let loaded: (SubmissionStatus, String?, [Access.Link])
    loaded = try await blocking {
      let status = try Submissions.status(of: month, in: store)
      let reminder = try Submissions.reminder(for: month, in: store, today: today, lang: lang)
      let links = try Access.links(for: status.units.map { ($0.unit.id, $0.unit.name) }, base: base, store: store)
      return (status, reminder, links)
    }
    let (status, reminder, links) = loaded
    let urls = Dictionary(uniqueKeysWithValues: links.map { ($0.id, $0.url) })
    // Rendered with stand-ins for the session's values, so other sessions can share the page.
    let anyone = OfficeSession(user: Self.userMark, csrf: Self.csrfMark)
    var values = officeValues(anyone, month: month)
    values["title"] = lang.pick("\(month.chinese)报送情况", "Submissions for \(month.iso)")
    values["deadline"] = status.deadline.iso
    values["unitCount"] = status.units.count
    values["reportedCount"] = status.units.filter { $0.state == .reported || $0.state == .late }.count
    values["units"] = status.units.map { u -> [String: Any] in
      var row: [String: Any] = [
        "id": u.unit.id, "name": u.unit.name, "stateKey": u.state.rawValue, "stateName": stateName(u.state, lang),
        "url": (urls[u.unit.id] ?? "") + "?month=\(month.iso)", "returnable": u.state == .reported || u.state == .late,
        "csrf": anyone.csrf, "month": month.iso,
      ]
      if u.state != .missing {
        row["at"] = timeText(u.submittedAt)
        row["rows"] = u.rows
      }
      if u.state == .returned, let reason = u.reason { row["reason"] = reason }
      return row
    }
    if let reminder {
      values["reminder"] = reminder
      values["reminderRows"] = min(reminder.split(separator: "\n", omittingEmptySubsequences: false).count + 3, 40)
    }
    if let notice { values["notice"] = notice }
    return pages.render("board", values, lang: lang)
  }

  func returnSubmission(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let session = office(context) else { return .redirect(to: "/login", type: .normal) }
    let fields: [String: String]
    switch try await checkedForm(request, session, lang: lang) {
    case .fields(let f): fields = f
    case .refused(let response): return response
    }
    let unit = fields["unit"] ?? ""
    let reason = (fields["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    guard let month = Month(parsing: fields["month"] ?? ""), !unit.isEmpty, !reason.isEmpty, reason.count <= 500 else {
      return message(
        lang.pick("退回未完成", "Not returned"), [lang.pick("请写明退回意见（不超过 500 字）。", "Write what to correct (at most 500 characters).")],
        lang: lang, status: .unprocessableContent, back: "/office", office: session)
    }
    let today = self.today()
    do {
      _ = try await writing { store in
        try Submissions.returnSubmission(
          SubmissionScope(unit: unit, month: month), in: store, reason: reason, author: session.user, today: today)
      }
    } catch {
      return storeFailure(error, lang: lang, office: session)
    }
    let query = "month=\(month.iso)&returned=\(unit.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
    return .redirect(to: "/office?\(query)", type: .normal)
  }

  func history(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let session = office(context) else { return .redirect(to: "/login", type: .normal) }
    let text = request.uri.queryParameters.get("month") ?? ""
    let month = text.isEmpty ? nil : Month(parsing: text)
    if !text.isEmpty && month == nil { return notFound(lang) }
    let store = self.store
    let batches: [BatchRecord]
    do { batches = try await blocking { try Submissions.history(in: store, month: month) } } catch {
      return storeFailure(error, lang: lang, office: session)
    }
    var values = officeValues(session, month: month)
    values["title"] = month.map { lang.pick("\($0.chinese)历史记录", "History of \($0.iso)") } ?? lang.pick("历史记录", "History")
    values["batches"] = batches.reversed().map { b -> [String: Any] in
      var row = historyRow(b, lang: lang)
      row["undoable"] = b.undoneBy == nil && b.action != .undo
      row["csrf"] = session.csrf
      row["filterMonth"] = month?.iso ?? ""
      return row
    }
    values["has_batches"] = !batches.isEmpty
    if let undone = request.uri.queryParameters.get("undone").flatMap(Int.init) {
      values["notice"] = lang.pick("已撤销第 \(undone) 批。", "Undid batch \(undone).")
    }
    return html("history", values, lang: lang)
  }

  func undo(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let session = office(context) else { return .redirect(to: "/login", type: .normal) }
    let fields: [String: String]
    switch try await checkedForm(request, session, lang: lang) {
    case .fields(let f): fields = f
    case .refused(let response): return response
    }
    guard let batch = fields["batch"].flatMap(Int.init) else { return notFound(lang) }
    let today = self.today()
    do {
      _ = try await writing { store in try Submissions.undo(batch: batch, in: store, author: session.user, today: today) }
    } catch {
      return storeFailure(error, lang: lang, office: session)
    }
    let month = fields["month"].flatMap { Month(parsing: $0) }
    return .redirect(to: "/office/history?\(month.map { "month=\($0.iso)&" } ?? "")undone=\(batch)", type: .normal)
  }

  func links(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let session = office(context) else { return .redirect(to: "/login", type: .normal) }
    let store = self.store
    let base = configuration.linkBase
    let month = today().monthOfYear.previous
    let links: [Access.Link]
    do {
      links = try await blocking {
        let status = try Submissions.status(of: month, in: store)
        return try Access.links(for: status.units.map { ($0.unit.id, $0.unit.name) }, base: base, store: store)
      }
    } catch {
      return storeFailure(error, lang: lang, office: session)
    }
    var values = officeValues(session, month: month)
    values["title"] = Words.table(lang)["links"]
    values["links"] = links.map { ["id": $0.id, "name": $0.name, "url": $0.url] }
    values["linksText"] = links.map { "\($0.name)：\($0.url)" }.joined(separator: "\n")
    values["linksRows"] = min(links.count + 1, 30)
    return html("links", values, lang: lang)
  }

  func downloadsPage(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let session = office(context) else { return .redirect(to: "/login", type: .normal) }
    let month = self.month(request, fallback: today().monthOfYear.previous) ?? today().monthOfYear.previous
    var values = officeValues(session, month: month)
    values["title"] = Words.table(lang)["downloads"]
    values["quarter"] = "\(month.year)Q\((month.month - 1) / 3 + 1)"
    values["year"] = month.year
    return html("downloads", values, lang: lang)
  }

  /// The period a download asks for: `month=YYYY-MM`, `quarter=YYYYQn` or `year=YYYY`.
  func period(_ request: Request) -> ReportPeriod? {
    let q = request.uri.queryParameters
    if let m = q.get("month"), let month = Month(parsing: m) { return .month(month) }
    if let text = q.get("quarter"), let p = ReportPeriod.quarter(parsing: text) { return p }
    if let text = q.get("year"), let p = ReportPeriod.year(parsing: text) { return p }
    return nil
  }

  func download(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let session = office(context) else { return .redirect(to: "/login", type: .normal) }
    guard let period = period(request), period.isSupported else {
      return message(
        lang.pick("统计期有误", "Bad period"), [lang.pick("请选择月份、季度（如 2021Q3）或年份。", "Choose a month, a quarter (e.g. 2021Q3) or a year.")],
        lang: lang, status: .badRequest, back: "/office/downloads", office: session)
    }
    // The workbook (default), the briefing's text or its Word document.
    let wanted = request.uri.queryParameters.get("file") ?? "xlsx"
    let reportRequest = ReportRequest(period: period, reportDate: today(), lang: lang, templates: configuration.templates)
    let store = self.store
    let database = configuration.database
    let wait = configuration.wait
    do {
      let (bytes, name) = try await blocking { () -> ([UInt8], String) in
        try Self.inTemporaryFolder { folder in
          let lock = try Submissions.lock(.reports, database: database, wait: wait)
          defer { withExtendedLifetime(lock) {} }
          let produced = try Reports.produce(reportRequest, store: store, folder: folder)
          let path = wanted == "txt" ? produced.briefing : wanted == "docx" ? produced.document : produced.workbook
          return (Array(try Data(contentsOf: URL(fileURLWithPath: path))), (path as NSString).lastPathComponent)
        }
      }
      return Self.download(bytes, name: name)
    } catch {
      return storeFailure(error, lang: lang, office: session)
    }
  }

  // MARK: The API

  /// Whether the request is the office's (a session) or a script's (`Authorization: Bearer`).
  func apiAllowed(_ request: Request, _ context: WebContext) async throws -> Bool {
    if context.sessions.session != nil { return true }
    guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return false }
    let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    guard token.count <= 100 else { return false }
    let store = self.store
    return try await blocking { try Access.apiTokenName(token, store: store) } != nil
  }

  func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
  }

  func apiError(_ status: HTTPResponse.Status, _ text: String) -> Response {
    json(JSONValue.object([("error", .string(text))]).rendered(), status: status)
  }

  func apiMonth(_ request: Request) -> Month? { request.uri.queryParameters.get("month").flatMap { Month(parsing: $0) } }

  func apiStats(_ request: Request, _ context: WebContext) async throws -> Response {
    guard try await apiAllowed(request, context) else { return apiError(.unauthorized, "log in or give Authorization: Bearer TOKEN") }
    guard let month = apiMonth(request) else { return apiError(.badRequest, "give month=YYYY-MM") }
    let store = self.store
    do {
      let value = try await blocking { try FiguresJSON.stats(period: .month(month), store: store) }
      return json(value.rendered())
    } catch let e as StoreError {
      return apiError(.unprocessableContent, e.pageMessage(in: .en))
    }
  }

  func apiStatus(_ request: Request, _ context: WebContext) async throws -> Response {
    guard try await apiAllowed(request, context) else { return apiError(.unauthorized, "log in or give Authorization: Bearer TOKEN") }
    guard let month = apiMonth(request) else { return apiError(.badRequest, "give month=YYYY-MM") }
    let store = self.store
    do {
      let status = try await blocking { try Submissions.status(of: month, in: store) }
      return json(CollectionText.statusJSON(status, asOf: nil).rendered())
    } catch let e as StoreError {
      return apiError(.unprocessableContent, e.pageMessage(in: .en))
    }
  }

  // MARK: The figures

  /// The period's figures: the overview as a table, the units' sessions and the matters funnel
  /// as inline SVG, the units below the average and the overdue matters. Every number is the
  /// workbook's (`Reports.figures`); the page only lays them out.
  /// A write to the store, as the command line makes it: under the writing lock (on SQLite), off
  /// the server's threads; the cached pages are dropped afterwards, whether it succeeded or not.
  func writing<T: Sendable>(_ body: @escaping @Sendable (CampaignStore) throws -> T) async throws -> T {
    let store = self.store
    let database = configuration.database
    let wait = configuration.wait
    defer { boards.invalidate() }
    return try await blocking {
      let lock = try Submissions.lock(.writing, database: database, wait: wait)
      defer { withExtendedLifetime(lock) {} }
      return try body(store)
    }
  }

  func figuresPage(_ request: Request, _ context: WebContext) async throws -> Response {
    let lang = language(request)
    guard let session = office(context) else { return .redirect(to: "/login", type: .normal) }
    let q = request.uri.queryParameters
    let asked = q.get("month") != nil || q.get("quarter") != nil || q.get("year") != nil
    let chosen = asked ? period(request) : .month(today().monthOfYear.previous)
    guard let period = chosen, period.isSupported else {
      return message(
        lang.pick("统计期有误", "Bad period"), [lang.pick("请选择月份、季度（如 2021Q3）或年份。", "Choose a month, a quarter (e.g. 2021Q3) or a year.")],
        lang: lang, status: .badRequest, back: "/office/figures", office: session)
    }
    let today = self.today()
    // Shared by every session as the board is: one rendering per period and language at a time,
    // kept for the cache's lifetime and dropped by any write through the server.
    let key = "figures|\(period.description)|\(lang.rawValue)|\(today.iso)"
    if let page = boards.get(key) { return personalized(page, session) }
    do {
      let page = try await boards.flight.run(key) { [self] in
        let generation = boards.generation
        let reportRequest = ReportRequest(period: period, reportDate: today, lang: lang, templates: configuration.templates)
        let store = self.store
        let figures = try await blocking { try Reports.figures(reportRequest, store: store) }
        let anyone = OfficeSession(user: Self.userMark, csrf: Self.csrfMark)
        var values = officeValues(anyone, month: period.months.last ?? today.monthOfYear.previous)
        values.merge(FiguresPage.values(figures, period: period, lang: lang)) { _, new in new }
        let page = CachedPage(pages.render("figures", values, lang: lang), marks: Self.csrfMark, Self.userMark)
        boards.put(key, page, generation: generation)
        return page
      }
      return personalized(page, session)
    } catch {
      return storeFailure(error, lang: lang, office: session)
    }
  }

}
