import PageParser

/// One record per person across pages. People with the same name are the same person unless both
/// carry credits whose organisations have nothing in common (市委党校 and 株洲市委党校 are compatible:
/// one ends the other).
enum AuthorDirectory {
    struct Output {
        var records: [AuthorRecord]
        var byArticle: [String: [String]]
    }

    static func build(_ articles: [Article], pages: [Page]) -> Output {
        struct Draft {
            var name: String
            var roles: [Person.Role] = []
            var organisations: [String] = []
            var positions: [String] = []
            var articleIDs: [String] = []
        }
        var drafts: [Draft] = []
        var byName: [String: [Int]] = [:]
        var draftsOfArticle: [(article: String, drafts: [Int])] = []
        for article in articles {
            var ofThisArticle: [Int] = []
            for person in article.authors {
                let organisations = article.credit.organisations
                let candidates = byName[person.name] ?? []
                let index = candidates.first { compatible(drafts[$0].organisations, organisations) } ?? {
                    drafts.append(Draft(name: person.name))
                    byName[person.name, default: []].append(drafts.count - 1)
                    return drafts.count - 1
                }()
                if !drafts[index].roles.contains(person.role) { drafts[index].roles.append(person.role) }
                for organisation in organisations where !drafts[index].organisations.contains(organisation) {
                    drafts[index].organisations.append(organisation)
                }
                for position in article.credit.positions where !drafts[index].positions.contains(position) {
                    drafts[index].positions.append(position)
                }
                if !drafts[index].articleIDs.contains(article.id) { drafts[index].articleIDs.append(article.id) }
                if !ofThisArticle.contains(index) { ofThisArticle.append(index) }
            }
            draftsOfArticle.append((article.id, ofThisArticle))
        }
        var records: [AuthorRecord] = []
        var ids: [String] = []
        for draft in drafts {
            let namesakes = byName[draft.name]?.count ?? 1
            // A name shared by different people gets its organisation for disambiguation.
            let id = namesakes > 1 ? "\(draft.name)@\(draft.organisations.first ?? "unknown")" : draft.name
            records.append(AuthorRecord(id: id, name: draft.name, roles: draft.roles, organisations: draft.organisations,
                                        positions: draft.positions, articleIDs: draft.articleIDs))
            ids.append(id)
        }
        // In each article's own author order.
        var byArticle: [String: [String]] = [:]
        for entry in draftsOfArticle where !entry.drafts.isEmpty { byArticle[entry.article] = entry.drafts.map { ids[$0] } }
        records.sort { $0.articleIDs.count != $1.articleIDs.count ? $0.articleIDs.count > $1.articleIDs.count : $0.id < $1.id }
        return Output(records: records, byArticle: byArticle)
    }

    static func compatible(_ a: [String], _ b: [String]) -> Bool {
        if a.isEmpty || b.isEmpty { return true }
        return a.contains { x in b.contains { y in x == y || x.hasSuffix(y) || y.hasSuffix(x) } }
    }
}
