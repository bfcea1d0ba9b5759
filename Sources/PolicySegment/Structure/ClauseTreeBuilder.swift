import PolicyCore

/// Builds the clause tree paragraph by paragraph with a stack of open clauses.
///
/// - A label closes the open clauses of its own level and below (`ClauseKind.rank`) and becomes a
///   child of the clause left on top: `(一)` after `1.` closes the `1.`, `二、` after `(三)` closes both.
/// - An attachment closes everything; its clauses form a new numbering scope.
/// - A label repeating an open clause's label and heading (a slide deck's running heading) is not a
///   new clause.
/// - In an article, the first unlabelled paragraph is the article's own text; each further one is a
///   款 (`第二款`, `第三款` …), and items after it belong to that 款. Elsewhere unlabelled paragraphs
///   belong to the clause on top of the stack.
struct ClauseTreeBuilder {
    let view: NormalizedText
    private(set) var drafts: [ClauseDraft] = []
    private var stack: [Int] = []

    init(view: NormalizedText) {
        self.view = view
    }

    /// Adds the clauses of `paragraphs`. `skipped` marks paragraphs that belong to no clause of the
    /// tree (tables of contents, closing matter); `scopes` gives each paragraph's numbering scope.
    mutating func add(_ paragraphs: [SegmentParagraph], skipped: [Bool], scopes: [Int], attachments: Set<Int>) {
        var title = Set<Int>()  // paragraphs taken as the heading of the label line before them
        for (p, paragraph) in paragraphs.enumerated() where !skipped[p] && !title.contains(p) {
            let next = p + 1 < paragraphs.count && !skipped[p + 1] ? paragraphs[p + 1] : nil
            if attachments.contains(p), let label = paragraph.label {
                stack.removeAll()
                open(label, paragraph: paragraph, next: next, scope: scopes[p], titleTaken: { title.insert(p + 1) })
            } else if let label = paragraph.label, label.kind != .attachment {
                if isRepeatedHeading(label, key: paragraph.headingKeyRange) { continue }
                while let top = stack.last, drafts[top].kind.rank >= label.kind.rank { stack.removeLast() }
                open(label, paragraph: paragraph, next: next, scope: scopes[p], titleTaken: { title.insert(p + 1) })
            } else {
                addUnlabelled(paragraph, scope: scopes[p])
            }
        }
    }

    /// A slide deck repeats `一、标题` and `(二)标题` on every page: same label, same heading as an
    /// open clause. (An article label that comes again is a duplicate, never a running heading.)
    private func isRepeatedHeading(_ label: ClauseLabel, key: Range<Int>) -> Bool {
        guard !key.isEmpty, label.kind != .article else { return false }
        return stack.contains { index in
            let open = drafts[index]
            return LabelKey(open.label) == LabelKey(label)
                && SegmentParagraph.sameHeading(open.headingKeyRange, key, in: view)
        }
    }

    private mutating func open(_ label: ClauseLabel, paragraph: SegmentParagraph, next: SegmentParagraph?, scope: Int,
                               titleTaken: () -> Void) {
        let parent = stack.last
        let headings = HeadingReader(view: view)
        var (heading, textStart) = headings.heading(in: label.bodyStart..<paragraph.range.upperBound,
                                                    style: headingStyle(label.kind))
        let lineIsLabelOnly = label.bodyStart >= paragraph.range.upperBound
        // `第一章` / `附件1` alone on its line, title on the next line.
        if lineIsLabelOnly, label.kind.rank <= ClauseKind.section.rank, let next, next.label == nil,
           let title = titleLine(next.range) {
            heading = title
            textStart = paragraph.range.upperBound
            titleTaken()
        }
        var draft = ClauseDraft(label: label, parent: parent, heading: heading, scope: scope,
                                headingKeyRange: paragraph.headingKeyRange)
        draft.hasOwnParagraph = textStart < paragraph.range.upperBound
        drafts.append(draft)
        stack.append(drafts.count - 1)
    }

    private mutating func addUnlabelled(_ paragraph: SegmentParagraph, scope: Int) {
        guard let article = stack.lastIndex(where: { drafts[$0].kind == .article }) else { return }
        let articleIndex = stack[article]
        if stack.count == article + 1 && !drafts[articleIndex].hasOwnParagraph {
            drafts[articleIndex].hasOwnParagraph = true
            return
        }
        stack.removeSubrange((article + 1)...)
        drafts[articleIndex].paragraphCount += 1
        let n = drafts[articleIndex].paragraphCount
        let label = ClauseLabel(kind: .paragraph, text: "第\(ChineseNumeral.chinese(n))款", ordinal: n, subordinal: 0,
                                start: paragraph.range.lowerBound, bodyStart: paragraph.range.lowerBound)
        let draft = ClauseDraft(label: label, parent: articleIndex, heading: nil, scope: scope,
                                headingKeyRange: label.start..<label.start)
        drafts.append(draft)
        stack.append(drafts.count - 1)
    }

    private func headingStyle(_ kind: ClauseKind) -> HeadingReader.Style {
        switch kind {
        case .part, .chapter, .section, .attachment: return .line
        case .article, .paragraph: return .bracketedOnly
        default:
            // Items of an article (项, 目) are provisions, not titled measures.
            let inArticle = stack.contains { drafts[$0].kind == .article }
            return inArticle ? .bracketedOnly : .sentence
        }
    }

    /// A line that can serve as the title of the label line before it: short, no sentence punctuation.
    private func titleLine(_ range: Range<Int>) -> String? {
        let s = view.scalars[range]
        guard !s.isEmpty, s.count <= HeadingReader.maxLineHeading,
              !s.contains(where: { $0 == "。" || $0 == "," || $0 == ";" || $0 == ":" }) else { return nil }
        return view.string(range)
    }
}
