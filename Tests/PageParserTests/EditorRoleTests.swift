import PageParser
import Testing

@Suite("Editor lines: printed roles and what they mean")
struct EditorRoleTests {
    @Test(arguments: [
        ("责任编辑", EditorRole.editor), ("编辑", .editor), ("责编", .editor), ("本版编辑", .editor),
        ("美术编辑", .artEditor), ("美编", .artEditor), ("版式", .layout), ("组版", .layout), ("排版", .layout),
        ("校对", .proofreader), ("审核", .reviewer), ("审读", .reviewer), ("终审", .reviewer),
        ("值班编委", .dutyEditor), ("图片编辑", .photoEditor), ("制图", .graphics),
    ])
    func eachPrintedRoleKeepsItsWordingAndGetsItsMeaning(role: String, meaning: EditorRole) {
        let page = parse("标题\n\n张三\n\n\(filler)\n\n\(role)：王琳")
        #expect(page.editors == [EditorCredit(role: role, name: "王琳", normalizedRole: meaning)])
        #expect(!page.banners.contains { $0.contains(role) })
    }

    @Test func severalRolesOnOneLineWithSpacedNames() {
        let page = parse("标题\n\n张三\n\n\(filler)\n\n编辑：张 三 审核：李四 美编：王五")
        #expect(page.editors.map(\.normalizedRole) == [.editor, .reviewer, .artEditor])
        #expect(page.editors.map(\.name) == ["张三", "李四", "王五"])
    }

    @Test func slashMayStandForTheColon() {
        let page = parse("责编/陈晨 美编/王楠 校对/李洁\n\n标题\n\n张三\n\n\(filler)")
        #expect(page.editors.map(\.name) == ["陈晨", "王楠", "李洁"])
    }

    @Test func editorLineInBracketsAtTheArticleEnd() {
        let page = parse("标题\n\n张三\n\n\(filler)\n\n（责编：赵欣、孙浩）")
        #expect(page.editors == [
            EditorCredit(role: "责编", name: "赵欣", normalizedRole: .editor), EditorCredit(role: "责编", name: "孙浩", normalizedRole: .editor),
        ])
        #expect(page.articles.first?.paragraphs == [filler])
    }

    @Test func sentenceMentioningAnEditorIsNotAnEditorLine() {
        let found = article("标题\n\n张三\n\n\(filler)\n\n他是报社的编辑，负责审核每一篇稿件。")
        #expect(found.paragraphs.count == 2)
    }
}
