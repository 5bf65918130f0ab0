extension Range {
    /// Whether `other` lies wholly inside this range.
    func encloses(_ other: Range<Bound>) -> Bool {
        lowerBound <= other.lowerBound && other.upperBound <= upperBound
    }
}
