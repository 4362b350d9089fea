@testable import PortalCore
import Testing
import Yams

@Suite struct YAMLNullTests {
    /// Values read without tag patterns must count as null exactly when Yams' default resolver says so.
    @Test func nullIsDecidedAsYamsDefaultResolverDecidesIt() throws {
        let values = ["", "~", "null", "Null", "NULL", "nULL", "nul", "null x", "\"null\"", "'~'", "\"\"", "\"null\\n\"", "\"~\\r\\n\"",
                      "\"NULL\\L\"", "\"Null\\P\"", "\"null\\N\"", "\"null\\v\"", "\"null\\f\"", "\"null\\r\"", "\"null\\n\\n\"",
                      "\"\\nnull\"", "!!null x", "!!null", "!!str null", "! null", "!!str", "|\n  null", ">\n  ~", "none", "false",
                      "\"Tỷ lệ hồ sơ\"", "2024-03-14"]
        for value in values {
            let yaml = "key: \(value)\n"
            let withDefault = try #require(try Yams.compose(yaml: yaml, .default, .default, .utf8)?.mapping?.first?.value)
            let basic = try #require(try Yams.compose(yaml: yaml, .basic, .default, .utf8)?.mapping?.first?.value)
            guard let scalar = basic.scalar else { continue }
            #expect(YAMLFields.isNull(scalar) == (withDefault.tag.rawValue == Tag.Name.null.rawValue), "\(value)")
        }
    }
}
