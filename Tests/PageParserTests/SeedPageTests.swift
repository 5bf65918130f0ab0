import TestSupport
import Foundation
import PageParser
import Testing

/// Whole-page expectations for the five bundled seed pages: what a reader of each page sees.
@Suite("Seed pages")
struct SeedPageTests {
    struct Expected {
        var title: String?
        var authors: [(String, Person.Role)]
        var kind: ArticleKind
        var credit: String?
        /// Opening and closing of the body.
        var first: String
        var last: String
        var duplicates = 0
    }

    func page(_ file: String) throws -> Page {
        let url = repositoryRoot.appendingPathComponent("seeds/\(file)")
        return try parser.parse(data: try Data(contentsOf: url), fileName: file)
    }

    func check(_ page: Page, _ expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(page.articles.map(\.title) == expected.map(\.title), sourceLocation: sourceLocation)
        for (article, want) in zip(page.articles, expected) {
            let label = article.title ?? article.id
            #expect(article.authors.map(\.name) == want.authors.map(\.0), "\(label)", sourceLocation: sourceLocation)
            #expect(article.authors.map(\.role) == want.authors.map(\.1), "\(label)", sourceLocation: sourceLocation)
            #expect(article.kind == want.kind, "\(label)", sourceLocation: sourceLocation)
            #expect((article.affiliation ?? article.source) == want.credit, "\(label)", sourceLocation: sourceLocation)
            #expect(article.paragraphs.first?.hasPrefix(want.first) == true, "\(label): \(article.paragraphs.first ?? "")", sourceLocation: sourceLocation)
            #expect(article.paragraphs.last?.hasSuffix(want.last) == true, "\(label): \(article.paragraphs.last ?? "")", sourceLocation: sourceLocation)
            #expect(article.duplicatesRemoved == want.duplicates, "\(label)", sourceLocation: sourceLocation)
            checkNoFurniture(in: article, of: page, sourceLocation: sourceLocation)
        }
    }

    /// No banner, editor line, e-mail, caption or credit text is left in any body paragraph.
    func checkNoFurniture(in article: Article, of page: Page, sourceLocation: SourceLocation) {
        let body = article.paragraphs.joined(separator: "\n")
        for banner in page.banners { #expect(!article.paragraphs.contains(banner), "banner \(banner) in body", sourceLocation: sourceLocation) }
        for editor in page.editors { #expect(!body.contains(editor.role + ":"), "editor line in body", sourceLocation: sourceLocation) }
        for email in page.emails { #expect(!body.contains(email), "e-mail in body", sourceLocation: sourceLocation) }
        for page in [page] {
            for caption in page.articles.flatMap(\.captions) {
                #expect(!body.contains(caption.credit ?? caption.text), "caption in body", sourceLocation: sourceLocation)
            }
        }
        for marker in ["作者系", "作者单位", "**", "# ", "摘编自《"] {
            #expect(!body.contains(marker), "\(marker) left in body of \(article.id)", sourceLocation: sourceLocation)
        }
    }

    @Test func changshaTheoryPage() throws {
        let page = try page("000_4a89308387e3b988.txt")
        check(page, [
            Expected(title: "开栏的话", authors: [], kind: .editorial, credit: nil,
                     first: "当前，长沙市正在深入开展第二批主题教育。", last: "思考建议等，敬请垂注。"),
            Expected(title: "在深化内化转化上下功夫求实效", authors: [("张作林", .author)], kind: .theory, credit: "作者系中共宁乡市委书记",
                     first: "参加主题教育读书班，既是宝贵机会，也是难得历练。", last: "持续构建风清气正的良好政治生态。"),
            Expected(title: "坚持以人为本，推进政务服务“网办到家”", authors: [("杨应龙", .author)], kind: .theory,
                     credit: "作者系长沙市人民政府行政审批服务局党组书记、局长",
                     first: "习近平总书记强调，要着力解决人民群众急难愁盼问题", last: "为企业群众办实事、解难题、做好事。"),
            Expected(title: "如何理解把握“新质生产力”", authors: [("李詹", .author)], kind: .theory,
                     credit: "作者系湖南省社会科学院(省人民政府发展研究中心)经济研究所助理研究员、湖南省省情与决策咨询研究基地特约研究员",
                     first: "近期，习近平总书记在黑龙江考察调研期间提出“新质生产力”", last: "加强数据安全的协同治理。"),
            Expected(title: "党建引领社区治理机制创新", authors: [("廖欢", .author)], kind: .theory, credit: "作者单位:中共长沙市委党校",
                     first: "习近平总书记强调，推进国家治理体系和治理能力现代化", last: "任务执行到位。"),
            Expected(title: "从人民群众的创造中汲取理论创新智慧", authors: [("李正兴", .author)], kind: .digest, credit: "摘编自《人民日报》",
                     first: "人民的创造性实践是理论创新的不竭源泉。", last: "推动工作的重大作用。"),
        ])
        #expect(page.banners == ["学懂弄通做实 ——学习贯彻习近平新时代中国特色社会主义思想主题教育", "观点摘编", "知行录"])
        #expect(page.articles[1].subheadings.count == 6)
        #expect(page.articles[3].subheadings.map(\.text).first == "“新质生产力”概念提出的时代背景")
    }

    @Test func huzhouTheoryPageWithSpacedTextAndDisplacedFragments() throws {
        let page = try page("001_dbb4db9899fb893c.txt")
        check(page, [
            Expected(title: "\"亲清直通车·政企恳谈会\"的理论逻辑与湖州实践", authors: [], kind: .theory, credit: "作者单位系湖州学院",
                     first: "构建亲清政商关系是营造良好政治生态、优化营商环境的重要保障。", last: "围绕主题出谋划策"),
            Expected(title: "创新构建城乡互动的治理共同体", authors: [("殷荣林", .author)], kind: .theory, credit: "作者单位系长兴县委党校",
                     first: "基层是社会的细胞，基层治理是国家治理的基石", last: "因此科学系统的机制建设非常重要。"),
            Expected(title: "发展未来产业要有长效机制", authors: [], kind: .theory, credit: "载《经济日报》",
                     first: "未来产业是前沿科技与产业变革发展到一定程度形成的新业态。", last: "科技领军企业定位和布局。"),
            Expected(title: nil, authors: [], kind: .theory, credit: "作者单位系市委党校",
                     first: "习近平总书记在中央党校建校90周年庆祝大会", last: "全面从严治党\"风向标\"的作用。"),
        ])
        #expect(page.banners == ["学习宣传贯彻党的二十大精神"])
        #expect(page.emails == ["hzrb118yeban@163.com"])
        #expect(page.fragments == ["力铸造红色熔炉"])
        #expect(page.articles[0].paragraphs.contains { $0.hasSuffix("以及各部门联动。") })
        #expect(page.articles.allSatisfy { $0.paragraphs.allSatisfy { !$0.contains("政 治") } })
    }

    @Test func chongqingTheoryPage() throws {
        let page = try page("002_c32416165b5ac721.txt")
        check(page, [
            Expected(title: "在中国式现代化建设中打造璧山“五新”样板", authors: [("秦文敏", .author)], kind: .theory, credit: "作者系中共璧山区委书记",
                     first: "党的二十大报告指出，实现高质量发展是推进中国式现代化的本质要求之一", last: "力争率先实现与中心城区同城化发展。"),
            Expected(title: "加快构建和完善国家安全法治体系", authors: [("马丙合", .author)], kind: .theory,
                     credit: "作者系西南政法大学生国家安全学院博士、巫溪县委宣传部部长,本文为重庆市教委人文社科研究项目",
                     first: "党的二十大报告指出，强化国家安全工作协调机制", last: "为完善国家安全法治体系提供基础和理论支撑。"),
            Expected(title: "“六单工作法”架起新时代服务群众的桥梁", authors: [("任显智", .author)], kind: .theory, credit: "作者系开州区委常委、宣传部部长",
                     first: "党的二十大报告指出，要“畅通和规范群众诉求表达", last: "志愿服务活动的特殊模式。"),
            Expected(title: nil, authors: [("宋建峰", .author)], kind: .theory,
                     credit: "作者系重庆市第十批援藏干部人才工作队队员、西藏昌都市察雅县住房和城乡建设局副局长",
                     first: "党的二十大报告指出，提升环境基础设施建设水平，推进城乡人居环境整治。", last: "获得感和幸福感。"),
            Expected(title: "以“三个协同”推进市域社会治理现代化", authors: [("侯金亮", .author)], kind: .theory, credit: "作者系本报编辑",
                     first: "党的二十大报告指出，加快推进市域社会治理现代化", last: "人人享有的社会治理共同体。"),
        ])
        #expect(page.banners == ["深入学习宣传贯彻党的二十大精神", "领导干部学习笔谈", "基层学报告"])
        #expect(page.articles[4].paragraphs.last?.hasPrefix("以主体协同推进市域社会治理现代化。") == true)
    }

    @Test func zhuzhouTheoryAndCityNewsPage() throws {
        let page = try page("003_1eed3ba100fbfa73.txt")
        check(page, [
            Expected(title: "为基层松绑减负 促干部担当作为", authors: [("李龙山", .author)], kind: .theory, credit: "作者单位:株洲市委党校",
                     first: "党的二十大《决定》提出：", last: "为建设现代化新株洲奠定坚实基础。"),
            Expected(title: "推动新时代志愿服务体系建设", authors: [("张怀东", .author)], kind: .theory, credit: "作者单位:株洲市委党校",
                     first: "志愿服务是社会文明进步的重要标志。", last: "品牌化建设的株洲样本。"),
            Expected(title: "为建设文化强国贡献出版力量", authors: [("肖钊", .author), ("彭鑫", .author)], kind: .theory,
                     credit: "作者单位:湘潭大学出版社、株洲市委党校",
                     first: "党的二十大《决定》明确提出：", last: "贡献中国智慧和中国特色。"),
            Expected(title: "“巴掌大小投影仪 海外卖三四百美元”",
                     authors: [("潘东晓", .reporter), ("刘玲", .correspondent), ("吴迪", .correspondent)], kind: .news, credit: nil,
                     first: "“我手上的这款产品已经销售到欧美地区", last: "国际一流的全球订单服务企业。"),
            Expected(title: "天元区泰山路街道 小区办“家宴” 烹出基层治理幸福味", authors: [("谭昕吾", .reporter)], kind: .news, credit: nil,
                     first: "近日，天元区泰山路街道唐人神家园小区里", last: "积极性与凝聚力。"),
            Expected(title: "修复+新装路灯 方便居民夜间出行", authors: [("李逸峰", .reporter), ("刘婷", .correspondent)], kind: .news, credit: nil,
                     first: "路灯“罢工”。", last: "由于照明设备老化，"),
        ])
        #expect(page.newspaper == "株洲日报")
        #expect(page.banners == ["学习贯彻党的二十大精神", "综合·城区"])
        #expect(page.editors == [EditorCredit(role: "责任编辑", name: "胡乐", normalizedRole: .editor), EditorCredit(role: "美术编辑", name: "王玺", normalizedRole: .artEditor)])
        let projector = page.articles[3]
        #expect(projector.kicker == "湖南长城海外销售火爆——")
        #expect(projector.series == "新区企业上新了②")
        #expect(projector.dateline == "10月10日")
        #expect(projector.captions.map(\.credit) == ["受访企业供图"])
        #expect(projector.subheadings.map(\.text) == ["完备多样产品矩阵 赢得海外客户青睐", "打造海外自主品牌 布局海外营销网点", "株洲智能制造基地 可年产500万台整机"])
        #expect(page.articles[4].captions.map(\.credit) == ["记者谭昕吾摄"])
        #expect(page.articles[5].kicker == "石峰区学林街道")
    }

    @Test func zhuzhouNewsFeatureAndThinkTankPage() throws {
        let page = try page("004_d90192bb159ede98.txt")
        check(page, [
            Expected(title: "政府工作报告45次提到“城市”", authors: [("吴楚", .reporter)], kind: .news, credit: nil,
                     first: "亚里士多德有言：", last: "征途漫漫，惟有奋斗。"),
            Expected(title: "以党的二十大精神为指引 推动市行业办工作再上新台阶", authors: [("谭学扬", .author)], kind: .theory,
                     credit: "作者系市行业办公室党委书记、主任",
                     first: "党的二十大是在全党全国各族人民迈上全面建设社会主义现代化国家新征程", last: "努力打造持久风清气正的清廉行办。", duplicates: 1),
            Expected(title: "以数字经济 引领现代化产业体系建设", authors: [("颜礼蓉", .author)], kind: .theory, credit: "作者单位:市委党校",
                     first: "一段时间以来，党中央从国家层面部署推动数字经济发展。", last: "不习惯使用互联网技术的老年人利益。", duplicates: 1),
            Expected(title: "深刻感悟 新时代行动纲领的“精气神”", authors: [("徐卫华", .author)], kind: .theory, credit: "作者单位:市委党校",
                     first: "在党的二十大报告中，习近平总书记开宗明义提出“大会的主题”", last: "铸就我们党勇毅前行的实践胆气。"),
        ])
        #expect(page.banners == ["智库·理论"])
        #expect(page.emails == ["zrbxclt@126.com"])
        #expect(page.editors.map(\.name) == ["叶新福", "邹家虎", "赵强", "张武"])
        let city = page.articles[0]
        // One caption block under two photos (▼ points at the second): one caption each, the credit shared.
        #expect(city.captions == [
            Caption(text: "田心路通车 吴楚/摄", credit: "吴楚/摄"), Caption(text: "老旧小区加装电梯 吴楚/摄", credit: "吴楚/摄"),
        ])
        #expect(city.paragraphs.contains { $0.hasSuffix("无疑将迈向更高水平。") })
        #expect(city.subheadings.map(\.text) == ["因为质变，赢得更多机遇", "先行先试，力求“以我为主”", "经营城市，向存量及内涵要效益"])
    }

    @Test(arguments: ["000_4a89308387e3b988.txt", "001_dbb4db9899fb893c.txt", "002_c32416165b5ac721.txt",
                      "003_1eed3ba100fbfa73.txt", "004_d90192bb159ede98.txt"])
    func seedPagesPrintNoEditionDateAndNoPageLabel(file: String) throws {
        let seed = try page(file)
        #expect(seed.printedDate == nil)
        #expect(seed.pageLabel == nil)
    }
}
