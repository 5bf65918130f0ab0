/// What sort of thing an initiative is, so a client can list programmes without slogans.
///
/// The kind comes from evidence: the naming word printed with the name (工作法 → mechanism, 平台 →
/// platform, 行动 → campaign; the mapping is `namingWords` in config/analysis.json), and for
/// slogans the name's form (a numbered national formula such as 两个确立) or its spread (used in
/// several provinces). A name with no naming word is a `programme`, the general kind.
public enum InitiativeKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A named programme, project, reform, brand or fund (双十双百双千工程, 社区公益发展基金).
    case programme
    /// A working method, system or institutional arrangement (六单工作法, 链长制, 好差评工作机制).
    case mechanism
    /// A service channel, app, venue or information platform (网格通, 志在株洲志愿服务信息平台).
    case platform
    /// A drive, action, event or festival (项目建设年活动, 九大专项行动, 民营企业家节).
    case campaign
    /// A national formula or slogan (两个确立, 四个意识), not a local programme.
    case slogan

    public static func < (a: InitiativeKind, b: InitiativeKind) -> Bool { a.rawValue < b.rawValue }
}
