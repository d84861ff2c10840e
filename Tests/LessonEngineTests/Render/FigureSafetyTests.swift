import Figures
import Testing

@testable import LessonEngine

@Suite struct FigureSafetyTests {
    /// Every kind of figure the `Figures` library writes passes, labels with markup-like text
    /// included: the check follows what `Figures` emits, not words in its text.
    @Test func everyFigureTheLibraryWritesPasses() {
        let label = "loss onerror=alert(1) <script> javascript: & \"quoted\""
        var plot = LinePlot(title: label, xLabel: " onerror=", yLabel: "y onload =x")
        plot.add(" onerror=\"alert(1)\"", x: [0, 1, 2], y: [0, -1.5, 2e-3])
        plot.add("second", x: [0, 1], y: [1, 0])
        let figures: [any Figure] = [
            plot,
            ScatterPlot(
                title: "Two classes", x: [0, 1, 2], y: [1, 0, 1], classes: [0, 1, 0],
                classNames: ["a onclick=x", "b"]),
            HeatMap(
                title: "Weights", values: [[0, 1], [1, -2]], rowLabels: ["r1", "r2"],
                columnLabels: ["c1", "c2"]),
            ImageGrid(
                title: "Digits", images: [[0, 1, 1, 0], [1, 0, 0, 1]], width: 2, height: 2,
                captions: ["zero", "one"]),
        ]
        for figure in figures {
            #expect(FigureSafety.problem(in: figure.svg) == nil, "\(figure.svg.prefix(300))")
        }
    }

    /// The inputs the old substring blacklist let through, and the rest of active SVG.
    @Test func activeContentIsRefusedWhateverItsSpelling() {
        let ns = "xmlns=\"http://www.w3.org/2000/svg\""
        let refused = [
            "<svg/onload=alert(1)>",
            "<svg \(ns) onload =\"alert(1)\"></svg>",
            "<svg \(ns)><a href=\"javascript&#58;alert(1)\"><text>x</text></a></svg>",
            "<svg \(ns)><text x=\"javascript&#58;alert(1)\">x</text></svg>",
            "<svg \(ns)><script>alert(1)</script></svg>",
            "<svg \(ns)><foreignObject><div/></foreignObject></svg>",
            "<svg \(ns)><set attributeName=\"onload\" to=\"alert(1)\"/></svg>",
            "<svg \(ns)><animate attributeName=\"href\" values=\"javascript:alert(1)\"/></svg>",
            "<svg \(ns) xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"#a\"/></svg>",
            "<svg \(ns)><rect fill=\"url(https://example.com/x)\"/></svg>",
            "<svg \(ns)><rect style=\"background:url(x)\"/></svg>",
            "<svg \(ns)><text transform=\"rotate(1) translate(2)\">x</text></svg>",
            "<svg \(ns)><!-- --><text>x</text></svg>",
            "<svg \(ns)><text><![CDATA[</text><script>alert(1)</script>]]></text></svg>",
            "<svg \(ns)><?xml-stylesheet href=\"x\"?></svg>",
            "<svg \(ns)></svg><script>alert(1)</script>",
            "<svg \(ns)></svg><!-- -->",
            "<svg \(ns)><text>&nbsp;</text></svg>",
            "<svg \(ns)><text>unclosed</svg>",
            "<!DOCTYPE svg [<!ENTITY e \"x\">]><svg \(ns)>&e;</svg>",
            "<div></div>",
            "<SVG \(ns)></SVG>",
            "<svg xmlns=\"http://www.w3.org/1999/xhtml\"></svg>",
        ]
        for svg in refused {
            #expect(FigureSafety.problem(in: svg) != nil, "\(svg)")
        }
        #expect(
            FigureSafety.problem(in: "<svg \(ns) onload =\"alert(1)\"></svg>")
                == "<svg> has an attribute onload=, which Figures never writes")
        #expect(
            FigureSafety.problem(in: "<svg \(ns)><script>alert(1)</script></svg>")
                == "it has an element <script>, which Figures never writes")
    }

    @Test func textIsAllowedAnywhereAndStaysText() {
        let svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>a &lt;b&gt; &amp; on = off</title>"
            + "<text x=\"1\" y=\"2\">onerror=&quot;x&quot; &#60;script&#62;</text></svg>"
        #expect(FigureSafety.problem(in: svg) == nil)
    }
}
