import Analysis
import PageParser
import Testing

@Suite("Authors are one record per person")
struct AuthorRecordTests {
    @Test func sameNameWithCompatibleCreditsIsOnePerson() {
        let analysis = analyze([
            article("a", paragraphs: ["正文。"], authors: [Person(name: "张三", role: .author)], organisations: ["株洲市委党校"]),
            article("b", paragraphs: ["正文。"], authors: [Person(name: "张三", role: .author)], organisations: ["市委党校"]),
        ])
        #expect(analysis.authors.count == 1)
        #expect(analysis.authors.first.map { analysis.ids($0.articles) } == ["a", "b"])
        #expect(analysis.authors.first?.id == "张三")
    }

    @Test func sameNameWithUnrelatedCreditsIsTwoPeople() {
        let analysis = analyze([
            article("a", paragraphs: ["正文。"], authors: [Person(name: "张三", role: .author)], organisations: ["湖州学院"]),
            article("b", paragraphs: ["正文。"], authors: [Person(name: "张三", role: .author)], organisations: ["西南政法大学"]),
        ])
        #expect(analysis.authors.count == 2)
        #expect(Set(analysis.authors.map(\.id)) == ["张三@湖州学院", "张三@西南政法大学"])
        #expect(analysis.authorIDsPerArticle == [["张三@湖州学院"], ["张三@西南政法大学"]])
    }

    @Test func rolesAndPositionsAreCollected() {
        var first = article("a", paragraphs: ["正文。"], authors: [Person(name: "李四", role: .reporter)])
        first.credit = Credit(organisations: ["开州区委"], positions: ["常委"])
        let analysis = analyze([first, article("b", paragraphs: ["正文。"], authors: [Person(name: "李四", role: .author)])])
        #expect(analysis.authors.first?.roles == [.author, .reporter])
        #expect(analysis.authors.first?.positions == ["常委"])
    }

    @Test func articleAuthorIdsFollowTheBylineOrder() {
        let analysis = analyze([article("a", paragraphs: ["正文。"], authors: [
            Person(name: "潘东晓", role: .reporter), Person(name: "刘玲", role: .correspondent),
        ])])
        #expect(analysis.authorIDsPerArticle.first == ["潘东晓", "刘玲"])
    }
}
