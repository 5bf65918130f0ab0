import Foundation
import Testing
@testable import HTTPServer

@Suite("Expect: 100-continue")
struct ExpectContinueTests {
    @Test func sends100ThenTheFinalResponse() throws {
        try withServer { server throws in
            let c = try server.connect()
            try c.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
            let interim = try c.readResponse()
            #expect(interim.status == 100)
            try c.send("hello")
            let final = try c.readResponse()
            #expect(final.status == 200)
            #expect(final.bodyText == "hello")
        }
    }

    @Test func answers413WithoutContinueWhenTooLarge() throws {
        try withServer(configure: { $0.maxBodyBytes = 10 }) { server throws in
            let c = try server.connect()
            try c.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n")
            let raw = String(decoding: try c.readUntilClose(), as: UTF8.self)
            #expect(statuses(raw) == [413])
        }
    }

    @Test func skipsContinueWhenTheBodyAlreadyArrived() throws {
        try withServer { server throws in
            let c = try server.connect()
            try c.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok")
            let response = try c.readResponse()
            #expect(response.status == 200)
            #expect(response.bodyText == "ok")
        }
    }
}
