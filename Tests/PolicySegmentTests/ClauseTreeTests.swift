import PolicyCore
@testable import PolicySegment
import Testing

@Suite("Clause tree: nesting, 款, spans, traps")
struct ClauseTreeTests {
    @Test("公文 levels nest 一、 > (一) > 1. > (1) > ①, and close when a higher level comes")
    func officialDocumentLevels() {
        let doc = Segmented("""
            一、总体要求
            坚持稳中求进。
            二、扩大汽车消费
            （一）鼓励汽车更新换代。消费者购买新车给予补贴。
            1.二手车。转出个人名下汽车。
            （1）报废。报废个人名下汽车。
            ①补贴每辆最高3000元。
            2.新车。在省内购买新车。
            （二）活跃二手车交易市场。对已备案的二手车企给予奖励。
            三、支持住房需求
            """)
        #expect(doc.paths == ["一", "二", "二/(一)", "二/(一)/1", "二/(一)/1/(1)", "二/(一)/1/(1)/①", "二/(一)/2", "二/(二)", "三"])
        #expect(doc.clauses.map(\.depth) == [1, 1, 2, 3, 4, 5, 3, 2, 1])
        #expect(doc.clauses.map(\.kind) == [.outline, .outline, .item, .subitem, .subsubitem, .circled, .subitem, .item, .outline])
        #expect(doc.clause("二/(一)")?.ordinal == 1)
        #expect(doc.clause("二/(一)")?.parentPath == "二")
        #expect(doc.clause("一")?.parentPath == nil)
        #expect(doc.warnings.isEmpty)
        #expect(doc.invariantViolations.isEmpty, "\(doc.invariantViolations)")
    }

    @Test("text runs from the label to the next label: label, heading, all paragraphs, source characters kept")
    func spans() throws {
        let text = "前言。\n一、总体要求\n坚持稳中求进。\n\n二、扩大消费\n（一）鼓励汽车更新换代．２０２３年下半年给予补贴．\n（责任单位：省商务厅）\n\n"
        let doc = Segmented(text)
        #expect(doc.clause("一")?.text == "一、总体要求\n坚持稳中求进。")
        #expect(doc.clause("二")?.text == "二、扩大消费")
        #expect(doc.clause("二/(一)")?.text == "（一）鼓励汽车更新换代．２０２３年下半年给予补贴．\n（责任单位：省商务厅）")
        #expect(doc.clause("一")?.line == 2)
        #expect(doc.clause("二/(一)")?.line == 6)
        let first = try #require(doc.clauses.first)
        #expect(first.span.start == 4)
        #expect(doc.invariantViolations.isEmpty, "\(doc.invariantViolations)")
    }

    @Test("laws: 编 > 章 > 节 > 条 > 款 > (一), Markdown markers tolerated")
    func lawLevels() {
        let doc = Segmented("""
            # 中华人民共和国某某法
            ## 第一编 总则
            ### 第一章 任务
            第一条 为了规范某某活动，制定本法。
            第二条 本法适用于中华人民共和国境内的活动。
            境外的活动，损害国家利益的，依法追究责任。
            有下列情形之一的，从重处罚：
            （一）甲；
            （二）乙。
            有前款第一项情形的，依照前款规定处罚。
            ### 第二章 管理
            #### 第一节 一般规定
            第三条 国家建立管理制度。
            """)
        #expect(doc.paths == [
            "第一编", "第一编/第一章", "第一编/第一章/第一条", "第一编/第一章/第二条", "第一编/第一章/第二条/第二款",
            "第一编/第一章/第二条/第三款", "第一编/第一章/第二条/第三款/(一)", "第一编/第一章/第二条/第三款/(二)",
            "第一编/第一章/第二条/第四款", "第一编/第二章", "第一编/第二章/第一节", "第一编/第二章/第一节/第三条",
        ])
        #expect(doc.clause("第一编/第一章/第二条")?.text == "第二条 本法适用于中华人民共和国境内的活动。")
        #expect(doc.clause("第一编/第一章/第二条/第三款")?.ordinal == 3)
        #expect(doc.clause("第一编/第一章/第二条/第三款")?.kind == .paragraph)
        #expect(doc.clause("第一编/第一章/第二条/第三款")?.heading == nil)
        #expect(doc.clause("第一编/第二章")?.text == "第二章 管理")
        #expect(doc.clause("第一编/第二章")?.heading == "管理")
        #expect(doc.clause("第一编/第二章/第一节/第三条")?.depth == 4)
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        #expect(doc.invariantViolations.isEmpty, "\(doc.invariantViolations)")
    }

    @Test("items right after an article's first paragraph are the article's; a later paragraph is 第二款")
    func itemsOfArticle() {
        let doc = Segmented("""
            第五条 有下列情形之一的，不予登记：
            （一）申请材料不齐全；
            （二）不符合法定条件。
            有前款第一项情形的，应当一次告知。
            第六条
            为了加强管理，制定本条。
            第二段为第二款。
            """)
        #expect(doc.paths == ["第五条", "第五条/(一)", "第五条/(二)", "第五条/第二款", "第六条", "第六条/第二款"])
        #expect(doc.clause("第五条/第二款")?.text == "有前款第一项情形的，应当一次告知。")
        #expect(doc.clause("第六条")?.text == "第六条\n为了加强管理，制定本条。")
    }

    @Test("公文 items keep all their paragraphs (no 款 outside articles)")
    func itemParagraphs() {
        let doc = Segmented("（一）鼓励汽车更新换代。给予补贴。\n第二段文字。\n第三段文字。\n（二）活跃市场。")
        #expect(doc.paths == ["(一)", "(二)"])
        #expect(doc.clause("(一)")?.text == "（一）鼓励汽车更新换代。给予补贴。\n第二段文字。\n第三段文字。")
    }

    @Test("traps inside running text do not start clauses", arguments: [
        "（一）支持县域商业。\n支持20个县(市、区)新建或改造商贸中心。\n1.5倍的奖励。\n2023年下半年开展活动。",
        "（一）支持县域商业。依照本办法第二十条规定执行,并按（一）项要求报送。\n第二十条规定的情形除外。",
        "（一）支持县域商业。\n“（二）关闭、破坏直接关系生产安全的监控”属于违法行为。\n(一)至(三)项规定的情形。",
        "（一）支持县域商业。\n2023.11.4召开会议。\n20个县参加。",
    ])
    func traps(text: String) {
        let doc = Segmented(text)
        #expect(doc.paths == ["(一)"])
        #expect(doc.clause("(一)")?.text == text)
    }

    @Test("labels inside a quotation over several paragraphs belong to the quoted text")
    func quotedParagraphs() {
        let doc = Segmented("""
            四、关于融资租赁的解释
            6.将第十二条修改为：
            “有下列情形之一，出租人请求解除融资租赁合同的，人民法院应予支持：
            （一）承租人未按照合同约定的期限和数额支付租金；
            （二）合同对于欠付租金解除合同的情形没有明确约定的。”
            7.将第十九条修改为：
            “租赁物不符合约定的，出租人不承担责任。”
            （一）全面提升“12345"政务热线服务水平。
            （二）优化服务。
            """)
        #expect(doc.paths == ["四", "四/6", "四/7", "四/(一)", "四/(二)"])
        #expect(doc.clause("四/6")?.text.hasSuffix("没有明确约定的。”") == true)
    }

    @Test("第N条 mentioned inside an article is not an article")
    func articleReferences() {
        let doc = Segmented("第一条 依照本法第二十条规定处理。\n第二十条规定的情形除外。\n第二条 本法自公布之日起施行。")
        #expect(doc.paths == ["第一条", "第一条/第二款", "第二条"])
        #expect(doc.warnings.isEmpty)
    }

    @Test("a heading line that runs on into the first article is split at the article's label")
    func runOnHeading() {
        let doc = Segmented("　第一章　总则　　第一条 　为规范政务数据资源管理，制定本办法。\n　　第二条 　本办法适用于全州。\n"
            + "　第二章　规划建设　　第三条 　州数据资源主管部门应当编制规划。")
        #expect(doc.paths == ["第一章", "第一章/第一条", "第一章/第二条", "第二章", "第二章/第三条"])
        #expect(doc.clause("第一章")?.text == "第一章　总则")
        #expect(doc.clause("第一章")?.heading == "总则")
        #expect(doc.clause("第一章/第一条")?.text == "第一条 　为规范政务数据资源管理，制定本办法。")
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        // Without a space in the source it is one heading line (the view alone cannot tell).
        #expect(Segmented("第一章 关于第一条的说明").paths == ["第一章"])
    }

    @Test("an article titled in brackets on its own line: the next paragraph is its text, not 第二款")
    func bracketedArticleTitle() {
        let doc = Segmented("第一条（目的和依据）\n为了推进新片区建设，制定本办法。\n第二条（适用范围）\n本办法适用于新片区。\n新片区包括下列区域。")
        #expect(doc.paths == ["第一条", "第二条", "第二条/第二款"])
        #expect(doc.clause("第一条")?.heading == "目的和依据")
        #expect(doc.clause("第二条/第二款")?.text == "新片区包括下列区域。")
    }

    @Test("an inserted article whose 之一 went to its own line (DOCX converted from HTML)")
    func insertedArticleOnTwoLines() {
        let doc = Segmented("""
            第十七条
            【刑事责任年龄】已满十六周岁的人犯罪，应当负刑事责任。
            因不满十六周岁不予刑事处罚的，依法进行专门矫治教育。
            第十七条
            之一
            【刑事责任年龄】已满七十五周岁的人故意犯罪的，可以从轻或者减轻处罚。
            第十八条
            【特殊人员的刑事责任能力】精神病人犯罪的，不负刑事责任。
            """)
        #expect(doc.paths == ["第十七条", "第十七条/第二款", "第十七条之一", "第十八条"])
        #expect(doc.clause("第十七条之一")?.text == "第十七条\n之一\n【刑事责任年龄】已满七十五周岁的人故意犯罪的，可以从轻或者减轻处罚。")
        #expect(doc.clause("第十七条之一")?.line == 4)
        #expect(doc.warnings == ["第十七条: numbering starts at 第十七条, 第一条…第十六条 missing"])
    }

    @Test("an article label that comes again is a duplicate, not a repeated heading")
    func repeatedArticleLabel() {
        let doc = Segmented("第一条\n为了规范。\n第二条\n应当登记。\n第二条\n施行。")
        #expect(doc.paths == ["第一条", "第二条", "第二条~2"])
        #expect(doc.warnings == ["第二条~2: duplicate 第二条 (also at line 3)"])
    }

    @Test("Chinese numerals to the hundreds and thousands")
    func bigNumbers() {
        let doc = Segmented("第一百二十四条 甲。\n第一百二十五条 乙。\n第一百二十五条之一 丙。\n第一百二十六条 丁。")
        #expect(doc.clauses.map(\.ordinal) == [124, 125, 125, 126])
        #expect(doc.paths == ["第一百二十四条", "第一百二十五条", "第一百二十五条之一", "第一百二十六条"])
        #expect(doc.warnings == ["第一百二十四条: numbering starts at 第一百二十四条, 第一条…第一百二十三条 missing"])
    }

    @Test("a table of contents after 目录 is not clauses")
    func tableOfContents() {
        let doc = Segmented("""
            目  录
            第一章 总则
            第二章 一般规定
            第一节 登记……3
            第三章 附则
            第一章 总则
            第一条 为了规范，制定本条例。
            第二章 一般规定
            第一节 登记
            第二条 应当登记。
            第三章 附则
            第三条 本条例自公布之日起施行。
            """)
        #expect(doc.paths == ["第一章", "第一章/第一条", "第二章", "第二章/第一节", "第二章/第一节/第二条", "第三章", "第三章/第三条"])
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        #expect(doc.clause("第一章")?.line == 6)
    }

    @Test("a table of contents without a 目录 line: heading lines that come again")
    func untitledTableOfContents() {
        let doc = Segmented("第一章 总则\n第二章 附则\n第一章 总则\n第一条 为了规范。\n第二章 附则\n第二条 施行。")
        #expect(doc.paths == ["第一章", "第一章/第一条", "第二章", "第二章/第二条"])
        #expect(doc.clause("第一章")?.line == 3)
        #expect(doc.warnings.isEmpty)
    }

    @Test("a table of contents whose first headings are lost in the body is still a table of contents")
    func tableOfContentsWithLostHeadings() {
        let doc = Segmented("第一章 总则\n第二章 管理\n第三章 附则\n第一条 为了规范。\n第二章 管理\n第二条 应当登记。\n第三章 附则\n第三条 施行。")
        #expect(doc.paths == ["第一条", "第二章", "第二章/第二条", "第三章", "第三章/第三条"])
        #expect(doc.warnings == ["第二章: numbering starts at 第二章, 第一章 missing"])
    }

    @Test("heading lines of different levels in a row are not a table of contents")
    func headingRunIsNotTableOfContents() {
        let doc = Segmented("第一编 总则\n第一章 一般规定\n第一节 适用\n第一条 甲。\n第二节 一般规定\n第二条 乙。\n第二章 其他\n第一节 适用\n第三条 丙。")
        #expect(doc.paths == ["第一编", "第一编/第一章", "第一编/第一章/第一节", "第一编/第一章/第一节/第一条", "第一编/第一章/第二节",
                              "第一编/第一章/第二节/第二条", "第一编/第二章", "第一编/第二章/第一节", "第一编/第二章/第一节/第三条"])
    }

    @Test("a 公文 table of contents with page numbers")
    func officialTableOfContents() {
        let doc = Segmented("目录\n一、总体要求……1\n二、重点任务……3\n一、总体要求\n坚持稳中求进。\n二、重点任务\n（一）扩大消费。")
        #expect(doc.paths == ["一", "二", "二/(一)"])
        #expect(doc.clause("一")?.line == 4)
    }

    @Test("a slide's table of contents as a list: the section heading after it is body")
    func slideTableOfContents() {
        let doc = Segmented("""
            目录
            - (一) 在推动商圈建设上强力
            - (二) 在培育商贸主体上用力
            三、凝神聚力打造供给丰富扩容提质的消费新格局
            (一) 在推动商圈建设上强力
            1. 优化中心城市商圈布局
            (二) 在培育商贸主体上用力
            """)
        #expect(doc.paths == ["三", "三/(一)", "三/(一)/1", "三/(二)"])
    }

    @Test("a slide deck repeating its headings on every page gives each clause once")
    func slideDeck() {
        let doc = Segmented("""
            一、精准把握消费内涵
            （一）消费的基本概念
            消费是社会再生产过程中的一个重要环节。
            一、精准把握消费内涵
            (一) 消费的基本概念
            消费的构成可以从不同的角度进行分类。
            一、精准把握消费内涵
            （二）消费对经济发展的作用
            1. 消费对于拉动GDP增长具有直接的推动作用
            一、精准把握消费内涵
            (二) 消费对经济发展的作用
            2. 消费对于促进经济结构调整具有重要意义
            """)
        #expect(doc.paths == ["一", "一/(一)", "一/(二)", "一/(二)/1", "一/(二)/2"])
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
    }

    @Test("attachments restart numbering under an attachment clause")
    func attachments() {
        let doc = Segmented("""
            一、总体要求
            坚持稳中求进。
            二、重点任务
            （一）扩大消费。给予补贴。
            各地区各部门要认真贯彻落实。
            山西省人民政府办公厅
            2023年11月4日
            附件1
            重点任务分工方案
            一、任务分工
            （一）扩大消费。省商务厅负责。
            附件2
            政策清单
            1.补贴政策
            2.信贷政策
            """)
        #expect(doc.paths == ["一", "二", "二/(一)", "附件1", "附件1/一", "附件1/一/(一)", "附件2", "附件2/1", "附件2/2"])
        #expect(doc.clause("二/(一)")?.text == "（一）扩大消费。给予补贴。")
        #expect(doc.clause("附件1")?.heading == "重点任务分工方案")
        #expect(doc.clause("附件1")?.text == "附件1\n重点任务分工方案")
        #expect(doc.clause("附件1/一")?.depth == 2)
        #expect(doc.clause("附件1")?.kind == .attachment)
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
    }

    @Test("an attachment list is not an attachment", arguments: [
        "一、总体要求\n坚持稳中求进。\n附件：1.补贴政策清单\n2.信贷政策清单\n山西省人民政府\n2023年11月4日",
        "一、总体要求\n坚持稳中求进。\n附件\n1.补贴政策清单\n2.信贷政策清单\n山西省人民政府\n2023年11月4日",
        "一、总体要求\n坚持稳中求进。\n附件：\n《关于打造消费新场景培育消费新增长点的措施》.pdf",
        "一、总体要求\n坚持稳中求进。\n附件：\n1.2024“三品”全国行活动列表.zip\n2.2024“三品”全国行活动标识.zip",
        "一、总体要求\n坚持稳中求进。\n附件：\n现代商贸流通体系试点城市实施方案编制提纲\n财政部办公厅 商务部办公厅\n2024年4月23日",
    ])
    func attachmentList(text: String) {
        let doc = Segmented(text)
        #expect(doc.paths == ["一"])
        #expect(doc.clause("一")?.text == "一、总体要求\n坚持稳中求进。")
    }

    @Test("an attachment list naming the attachment that follows is not an attachment itself")
    func attachmentListThenAttachment() {
        let doc = Segmented("一、考评结果应用\n全市通报。\n附件：\n包头市数字政府建设考评指标\n附件\n包头市数字政府建设考评指标\n一、政务服务\n（一）平台建设")
        #expect(doc.paths == ["一", "附件", "附件/一", "附件/一/(一)"])
        #expect(doc.clause("一")?.text == "一、考评结果应用\n全市通报。")
        #expect(doc.clause("附件")?.line == 5)
    }

    @Test("closing matter after the last clause is not part of it", arguments: [
        "省各有关部门要细化相关举措，做好政策宣传解读。\n本文件自印发之日起执行，有效期5年。",
        "本文件自印发之日起执行，有效期5年。",
        "抄送：省委各部门，省人大常委会办公厅。",
        "（此件公开发布）",
        "山西省人民政府办公厅\n2023年11月4日",
        "山西省人民政府办公厅 2023年11月6日印发",
        "二〇二三年十一月四日",
        "新华社记者 魏玉坤 严赋憬\n提振消费是扩大内需的重中之重。\n——聚焦消费能力提升。",
        "（新华社北京3月16日电）",
        "# 强化全流程管理 引导技术向善\n近日，国家互联网信息办公室发布办法。",
    ])
    func closingMatter(closing: String) {
        let item = "（三十二）提升消费服务质量水平。大力开展放心消费示范创建活动。（责任单位：省市场监管局）"
        let doc = Segmented("八、优化消费环境\n" + item + "\n" + closing + "\n")
        #expect(doc.paths == ["八", "八/(三十二)"])
        #expect(doc.clause("八/(三十二)")?.text == item)
    }

    @Test("the body of a last section headed on its own line is not closing matter")
    func lastSectionBody() {
        let doc = Segmented("三、重点安排\n（一）举办颁奖仪式。\n四、工作要求\n各地区各部门要加强组织领导，强化统筹协调。\n活动开展中要严格执行中央八项规定。\n附件：\n1. 主要活动")
        #expect(doc.paths == ["三", "三/(一)", "四"])
        #expect(doc.clause("四")?.text == "四、工作要求\n各地区各部门要加强组织领导，强化统筹协调。\n活动开展中要严格执行中央八项规定。")
    }

    @Test("in a law the last article keeps its 款, even one that reads like a closing remark")
    func lawKeepsLastParagraphs() {
        let doc = Segmented("第六十三条 开展核心数据处理活动，按照国家有关规定执行。\n各地区要依法执行本条。\n第六十四条 本条例自2025年1月1日起施行。\n本条例由国务院负责解释。")
        #expect(doc.paths == ["第六十三条", "第六十三条/第二款", "第六十四条", "第六十四条/第二款"])
    }

    @Test("一是/二是 enumerations inside a clause, not 统一是 or a lone 一是", arguments: [
        ("（一）加强领导。主要有三个方面：一是完善机制；二是加强协调；三是强化督导。", ["(一)", "(一)/一是", "(一)/二是", "(一)/三是"]),
        ("（一）“数商强基”行动。\n一是培育创新主体。打造企业。\n二是构建监测评价体系。建立体系。", ["(一)", "(一)/一是", "(一)/二是"]),
        ("（一）加强领导。统一是前提,二是后来。", ["(一)"]),
        ("（一）加强领导。一是完善机制。", ["(一)"]),
        ("（一）加强领导。一是完善机制;三是强化督导。", ["(一)"]),
    ])
    func enumerations(text: String, paths: [String]) {
        let doc = Segmented(text)
        #expect(doc.paths == paths)
        #expect(doc.invariantViolations.isEmpty, "\(doc.invariantViolations)")
    }

    @Test("an enumeration's text runs to the next member; the clause keeps the text before the first")
    func enumerationSpans() {
        let doc = Segmented("（一）加强领导。主要有：一是完善机制；二是加强协调。")
        #expect(doc.clause("(一)")?.text == "（一）加强领导。主要有：")
        #expect(doc.clause("(一)/一是")?.text == "一是完善机制；")
        #expect(doc.clause("(一)/二是")?.text == "二是加强协调。")
        #expect(doc.clause("(一)/二是")?.kind == .enumeration)
        #expect(doc.clause("(一)/二是")?.ordinal == 2)
    }

    @Test("Markdown heading markers stay out of the spans")
    func markdownMarkers() {
        let doc = Segmented("## 一、城乡居民增收促进行动\n（一）促进工资性收入合理增长。\n## 二、消费能力保障支持行动\n（三）加大生育养育保障力度。")
        #expect(doc.paths == ["一", "一/(一)", "二", "二/(三)"])
        #expect(doc.clause("一")?.text == "一、城乡居民增收促进行动")
        #expect(doc.clause("一/(一)")?.text == "（一）促进工资性收入合理增长。")
        #expect(doc.clause("二")?.heading == "消费能力保障支持行动")
    }

    @Test("items before the first section (page 1 lost) sit at their level's depth")
    func orphanItems() {
        let doc = Segmented("（三）多措并举促进农民增收。\n（四）扎实解决拖欠账款问题。\n二、消费能力保障支持行动\n（五）加大生育养育保障力度。")
        #expect(doc.paths == ["(三)", "(四)", "二", "二/(五)"])
        #expect(doc.clauses.map(\.depth) == [2, 2, 1, 2])
        #expect(doc.clause("(三)")?.parentPath == nil)
    }

    @Test("hard-wrapped PDF text: the clause text keeps the source's line breaks")
    func hardWrapped() {
        let text = """
            二、扩大汽车消费

            （一）鼓励汽车更新换代．２０２３年下半年，消费者通过省内已

            备案的二手车企，转出个人名下汽车并在省内购买新车，持相关手

            续可享受每辆最高２０００元补贴．（责任单位：省商务厅，各市人民政府）

            （二）活跃二手车交易市场．对已备案的二手车企，２０２３年二

            手车销售额超过５０００万元的给予奖励．（责任单位：省商务厅）
            """
        let doc = Segmented(text, lineMode: .hardWrapped)
        #expect(doc.paths == ["二", "二/(一)", "二/(二)"])
        #expect(doc.clause("二/(一)")?.heading == "鼓励汽车更新换代")
        #expect(doc.clause("二/(一)")?.text.hasSuffix("（责任单位：省商务厅，各市人民政府）") == true)
        #expect(doc.clause("二/(一)")?.text.contains("已\n\n备案") == true)
        #expect(doc.invariantViolations.isEmpty, "\(doc.invariantViolations)")
    }

    @Test("segmenting part of a view: only clauses inside the range")
    func range() throws {
        let source = SourceText(path: "t", text: "一、甲\n（一）乙。\n二、丙\n（二）丁。\n")
        let view = TextNormalizer(lineMode: .paragraphs).normalize(source)
        let start = try #require(view.firstIndex(of: "二、"))
        let doc = Segmented(source: source, view: view, range: start..<view.count)
        #expect(doc.paths == ["二", "二/(二)"])
    }

    @Test("empty and label-free texts give no clauses", arguments: ["", "\n\n", "关于做好消费工作的通知\n各市人民政府：\n现将有关事项通知如下。"])
    func noClauses(text: String) {
        let doc = Segmented(text)
        #expect(doc.clauses.isEmpty)
        #expect(doc.result.diagnostics.isEmpty)
    }
}
