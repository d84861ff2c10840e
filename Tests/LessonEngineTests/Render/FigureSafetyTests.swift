import Testing

@testable import LessonEngine

@Suite struct FigureSafetyTests {
    @Test func plainSVGPassesAndActiveContentDoesNot() {
        #expect(FigureSafety.isPlainSVG("<svg xmlns=\"x\"><text>on = off</text></svg>"))
        #expect(!FigureSafety.isPlainSVG("<svg><script>alert(1)</script></svg>"))
        #expect(!FigureSafety.isPlainSVG("<svg onload=\"alert(1)\"></svg>"))
        #expect(!FigureSafety.isPlainSVG("<svg><foreignObject></foreignObject></svg>"))
        #expect(!FigureSafety.isPlainSVG("<div></div>"))
    }
}
