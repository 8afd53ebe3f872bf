import CampaignModel

/// The kinds of one category, as forms group them (学习, 宣讲, 培训, 活动, 督导, 宣传).
public struct CategoryFigures: Sendable, Equatable {
  /// Category code, e.g. `study`.
  public var code: String
  public var name: String
  public var nameEn: String
  /// The category's kinds in catalogue order.
  public var kinds: [KindFigures]

  /// The name in a language.
  public func name(in lang: Language) -> String { lang.pick(name, nameEn) }
}

extension Statistics {
  /// The category code of publicity (news posts, briefings, media reports).
  public static let publicityCategory = "publicity"

  /// The kinds grouped by category, categories in the order they first appear in the catalogue.
  /// The workbook's overview and the briefing both read this grouping.
  public var categories: [CategoryFigures] {
    Catalogue(kinds: kinds.map(\.kind)).categories.map { code in
      let members = kinds.filter { $0.kind.category == code }
      return CategoryFigures(code: code, name: members[0].kind.categoryName, nameEn: members[0].kind.categoryNameEn, kinds: members)
    }
  }

  /// The publicity kinds.
  public var publicityKinds: [KindFigures] { kinds.filter { $0.kind.category == Self.publicityCategory } }

  /// "Other study and events" (其他学习宣讲活动): every kind but branch study, supervision visits
  /// and publicity.
  public var otherActivityKinds: [String] {
    kinds.map(\.kind).filter { k in
      k.code != settings.branchStudyKind && k.code != settings.supervisionKind && k.category != Self.publicityCategory
    }.map(\.code)
  }
}
