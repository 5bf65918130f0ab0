import Analysis
import Testing

@Suite("Document filters as bitsets")
struct SearchDocumentFilterTests {
    @Test func insertedDocumentsAreContained() {
        var filter = DocumentFilter(capacity: 200)
        filter.insert(3)
        filter.insert(130)
        #expect(filter.contains(3) && filter.contains(130))
        #expect(!filter.contains(4))
        #expect(filter.count == 2)
    }

    @Test func idsOutsideTheCapacityAreNeverContained() {
        var filter = DocumentFilter(capacity: 10)
        filter.insert(10)
        filter.insert(-1)
        #expect(filter.isEmpty)
        #expect(!filter.contains(10))
    }

    @Test func allHoldsExactlyTheFirstNDocuments() {
        let filter = DocumentFilter.all(70)
        #expect(filter.count == 70)
        #expect(filter.contains(69) && !filter.contains(70))
    }

    @Test func intersectionKeepsCommonDocuments() {
        let left = DocumentFilter([1, 2, 3, 100], capacity: 128)
        let right = DocumentFilter([2, 3, 4], capacity: 64)
        #expect(left.intersection(right).documents == [2, 3])
    }

    @Test func unionKeepsEitherAndTheLargerCapacity() {
        let left = DocumentFilter([1, 100], capacity: 128)
        let right = DocumentFilter([2], capacity: 64)
        let union = left.union(right)
        #expect(union.documents == [1, 2, 100])
        #expect(union.capacity == 128)
    }

    @Test func subtractingRemovesTheOthersDocuments() {
        let left = DocumentFilter([1, 2, 3], capacity: 8)
        #expect(left.subtracting(DocumentFilter([2], capacity: 8)).documents == [1, 3])
    }

    @Test func removedDocumentIsNoLongerContained() {
        var filter = DocumentFilter([5, 6], capacity: 8)
        filter.remove(5)
        #expect(filter.documents == [6])
    }
}
