import Foundation
import PageParser
import Testing
import TestSupport

/// Every fixture page against its hand-made annotation (`NAME.expected.json`, the same files
/// `scripts/eval-parse` scores): one test per page, every annotated field checked.
@Suite("Fixture pages against their annotations")
struct AnnotatedFixtureTests {
    static let directory = repositoryRoot.appendingPathComponent("Tests/PageParserTests/Fixtures")

    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let annotated = Set(names.filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(".expected.json".count)) })
        return names.filter { name in
            !name.hasSuffix(".json") && annotated.contains((name as NSString).deletingPathExtension)
        }.sorted()
    }()

    @Test func everyAnnotationHasItsPage() {
        #expect(Self.fixtures.count >= 12)
    }

    @Test(arguments: fixtures)
    func pageMatchesItsAnnotation(_ name: String) throws {
        let page = try parser.parse(data: try Data(contentsOf: Self.directory.appendingPathComponent(name)), fileName: name)
        let annotationURL = Self.directory.appendingPathComponent((name as NSString).deletingPathExtension + ".expected.json")
        let annotation = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: annotationURL)) as? [String: Any])
        let expectedPage = try #require(annotation["page"] as? [String: Any])
        #expect(page.newspaper == expectedPage["newspaper"] as? String)
        #expect(page.printedDate == expectedPage["printedDate"] as? String)
        #expect(page.pageLabel == expectedPage["pageLabel"] as? String)
        #expect(page.section == expectedPage["section"] as? String)
        let editors = (expectedPage["editors"] as? [[String: String]] ?? []).map {
            EditorCredit(role: $0["role"]!, name: $0["name"]!, normalizedRole: EditorRole(rawValue: $0["normalizedRole"]!)!)
        }
        #expect(page.editors == editors)
        let expectedArticles = try #require(annotation["articles"] as? [[String: Any]])
        #expect(page.articles.count == expectedArticles.count)
        for (article, want) in zip(page.articles, expectedArticles) {
            let label = article.displayTitle
            #expect(article.title == want["title"] as? String, "\(label)")
            #expect(article.kicker == want["kicker"] as? String, "\(label)")
            #expect(article.subtitle == want["subtitle"] as? String, "\(label)")
            let authors = (want["authors"] as? [[String: String]] ?? []).map { Person(name: $0["name"]!, role: Person.Role(rawValue: $0["role"]!)!) }
            #expect(article.authors == authors, "\(label)")
            #expect(article.kind.rawValue == want["kind"] as? String, "\(label)")
            #expect(article.affiliation == want["affiliation"] as? String, "\(label)")
            #expect(article.source == want["source"] as? String, "\(label)")
            #expect(article.paragraphs.first?.hasPrefix(want["firstParagraph"] as? String ?? "\u{0}") == true, "\(label)")
            #expect(article.paragraphs.last?.hasPrefix(want["lastParagraph"] as? String ?? "\u{0}") == true, "\(label)")
            #expect(article.captions.count == want["captions"] as? Int, "\(label)")
        }
    }

    @Test func encodingsAndFormatsAreReportedAsRead() throws {
        func page(_ name: String) throws -> Page {
            try parser.parse(data: try Data(contentsOf: Self.directory.appendingPathComponent(name)), fileName: name)
        }
        #expect(try page("yancheng_daily_gbk.txt").sourceEncoding == .gb18030)
        #expect(try page("changling_theory_utf16.txt").sourceEncoding == .utf16LittleEndian)
        let epaper = try page("lishui_metro_epaper_gb2312.html")
        #expect(epaper.sourceEncoding == .gb18030)
        #expect(epaper.sourceFormat == .html)
        #expect(try page("renmin_epaper_theory.html").sourceFormat == .html)
    }
}
