// The one translation table covers every word the pictures draw from the model's vocabularies.
import Testing
import H2Model
@testable import H2IO

@Suite struct OutputLanguageTests {
    @Test func everyPathwayModeAndCostItemHasAChineseName() {
        let words = ProductionPathway.allCases.map(\.rawValue) + DeliveryMode.allCases.map(\.rawValue) + CostItem.allCases.map(\.rawValue)
        for word in words {
            #expect(OutputLanguage.zh(word) != word, "\(word) has no Chinese entry")
            #expect(OutputLanguage.en(word) == word)
        }
        // Every translation holds Chinese characters (no copy of the English key slipped in).
        for (key, value) in OutputLanguage.chineseWords {
            #expect(value.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(key) → \(value)")
        }
        #expect(OutputLanguage.zh("an unknown word") == "an unknown word")
    }

    @Test func mapLegendInChinese() throws {
        var map = ResultsFixtures.map
        map.language = .zh
        let svg = expectValidSVG(MapSVG.render(map))
        let legend = svg.children(of: try #require(svg.withID("legend").first)).map(\.text)
        #expect(legend.contains("制氢路线") && legend.contains("工业副产氢") && legend.contains("2000 公斤/日"))
        #expect(!legend.contains("Production pathway"))
    }
}
