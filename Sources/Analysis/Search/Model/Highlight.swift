/// A highlighted stretch of a snippet or title, in Unicode scalars (what Swift and most servers
/// count) and in UTF-16 code units (what JavaScript's string offsets count). They differ only
/// after an astral character such as 𠀀.
public struct Highlight: Sendable, Hashable {
    public var scalarRange: Range<Int>
    public var utf16Range: Range<Int>

    public init(scalarRange: Range<Int>, utf16Range: Range<Int>) {
        self.scalarRange = scalarRange
        self.utf16Range = utf16Range
    }
}
