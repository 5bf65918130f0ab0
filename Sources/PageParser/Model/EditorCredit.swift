/// `责任编辑:胡乐` becomes `EditorCredit(role: "责任编辑", name: "胡乐", normalizedRole: .editor)`.
public struct EditorCredit: Sendable, Hashable {
    /// The role as printed (`责任编辑`, `美编`, `值班编委`).
    public var role: String
    public var name: String
    /// What the printed role means, the same for every paper's wording (`config/parser.json`, `editorRoles`).
    public var normalizedRole: EditorRole

    public init(role: String, name: String, normalizedRole: EditorRole) {
        self.role = role
        self.name = name
        self.normalizedRole = normalizedRole
    }
}

/// The jobs editor lines credit, whatever a paper calls them.
public enum EditorRole: String, Sendable, Hashable, CaseIterable {
    /// 编辑, 责任编辑, 责编, 本版编辑.
    case editor
    /// 美术编辑, 美编, 视觉设计.
    case artEditor = "art_editor"
    /// 版式, 组版, 排版.
    case layout
    /// 校对.
    case proofreader
    /// 审核, 审读, 终审.
    case reviewer
    /// 图片编辑.
    case photoEditor = "photo_editor"
    /// 制图.
    case graphics
    /// 值班编委, 值班主任, 总值班.
    case dutyEditor = "duty_editor"
    case other
}
