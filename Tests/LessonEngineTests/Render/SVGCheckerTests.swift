import Figures
import Testing

@testable import LessonEngine

/// The hand-written SVG reader against the `XMLParser` check it replaced (`FigureSafetyTests`
/// holds the cases both must get right).
@Suite struct SVGCheckerTests {
    /// SVG of every kind `Figures` writes, labels with markup-like text included.
    private static let figures: [String] = {
        var plot = LinePlot(title: "loss <&> \"q\" 'a'", xLabel: "x", yLabel: "y")
        plot.add("a", x: [0, 1, 2], y: [0, -1.5, 2e-3])
        return [
            plot.svg,
            ScatterPlot(
                title: "Two", x: [0, 1, 2], y: [1, 0, 1], classes: [0, 1, 0],
                classNames: ["a", "b"]
            ).svg,
            HeatMap(
                title: "W", values: [[0, 1], [1, -2]], rowLabels: ["r1", "r2"],
                columnLabels: ["c1", "c2"]
            ).svg,
            ImageGrid(
                title: "D", images: [[0, 1, 1, 0]], width: 2, height: 2, captions: ["zero"]
            ).svg,
        ]
    }()

    /// Hundreds of seeded edits of real figures (characters of markup inserted, deleted and
    /// replaced): whatever `XMLParser` refused, the new reader refuses too.
    @Test func neverAcceptsWhatXMLParserRefused() {
        var random = SplitMix(seed: 16)
        let pieces = [
            "<", ">", "&", ";", "\"", "'", "=", "/", "!", "?", "-", " ", "\n", "\u{1}", "#",
            "x", "a", "1", ".", "e", "&amp;", "&#60;", "&#x3c;", "&#0;", "&foo;", "<!--", "-->",
            "<![CDATA[", "]]>", "<?", "?>", "</svg>", "<text>", "</text>", "<rect/>", "<script>",
            " x=\"1\"", " x='1'", " fill=\"#abc\"", " onload=\"a\"", "<!DOCTYPE", ":", "é",
        ]
        var refusedByBoth = 0
        for round in 0..<500 {
            var svg = Array(Self.figures[round % Self.figures.count])
            for _ in 0..<(1 + random.next(below: 3)) {
                let at = random.next(below: svg.count + 1)
                switch random.next(below: 3) {
                case 0:
                    svg.insert(contentsOf: pieces[random.next(below: pieces.count)], at: at)
                case 1:
                    if at < svg.count {
                        svg.removeSubrange(at..<min(svg.count, at + 1 + random.next(below: 4)))
                    }
                default:
                    if at < svg.count {
                        svg.replaceSubrange(
                            at...at, with: pieces[random.next(below: pieces.count)])
                    }
                }
            }
            let text = String(svg)
            let old = XMLParserSVGChecker.problem(in: text)
            let new = FigureSafety.problem(in: text)
            if old != nil {
                #expect(new != nil, "accepted what XMLParser refused (\(old!)): \(text)")
                refusedByBoth += 1
            }
        }
        // The edits must reach both verdicts, or the comparison proves nothing.
        #expect(refusedByBoth > 120 && refusedByBoth < 490, "\(refusedByBoth) refused")
    }

    @Test func readsWhatXMLAllowsAndFiguresMightWrite() {
        let ns = "xmlns=\"http://www.w3.org/2000/svg\""
        let accepted = [
            "<svg \(ns)/>",
            "<svg xmlns='http://www.w3.org/2000/svg'></svg >",
            "<svg \(ns)\n  width = \"1\"><rect x=\"-.5\" y=\"1e-3\" width=\"2.\" height=\"0\"/></svg>",
            "<svg \(ns) aria-label=\"a &amp; b &#x3c; &#60;\"><title>&apos;&quot;</title></svg>",
            "<svg \(ns)><text x=\"1\" transform=\"rotate(-90 1 2)\">é ✓ &gt;</text></svg>\n",
        ]
        for svg in accepted {
            #expect(FigureSafety.problem(in: svg) == nil, "\(svg)")
            #expect(XMLParserSVGChecker.problem(in: svg) == nil, "\(svg)")
        }
    }

    @Test func refusesMalformedMarkupAndNamesItsPlace() {
        let ns = "xmlns=\"http://www.w3.org/2000/svg\""
        let refused = [
            "<svg \(ns)><rect x=\"1\" x=\"2\"/></svg>",  // a repeated attribute
            "<svg \(ns)><rect x=1/></svg>",  // an unquoted value
            "<svg \(ns)><rect x=\"1\"y=\"2\"/></svg>",  // no space between attributes
            "<svg \(ns)><text>a</title></svg>",  // the wrong end tag
            "<svg \(ns)><text>\u{1}</text></svg>",  // a control character
            "<svg \(ns)><text>&#0;</text></svg>",  // a character XML does not have
            "<svg \(ns)><text>a & b</text></svg>",  // a bare ampersand
            "<svg \(ns)><text>]]></text></svg>",
            "<svg \(ns)><rect x=\"<\"/></svg>",
            "<svg \(ns)><rect x=\"1.\" y=\".\"/></svg>",  // "." is not a number
            "<svg \(ns)><rect x=\"1e\"/></svg>",
            "<svg \(ns)><rect fill=\"#abcd\"/></svg>",
            "<svg \(ns)>",
        ]
        for svg in refused {
            #expect(FigureSafety.problem(in: svg) != nil, "\(svg)")
        }
        #expect(
            FigureSafety.problem(in: "<svg \(ns)>\n<rect x=1/></svg>")
                == "it is not well-formed XML (line 2, column 9)")
    }
}

/// A small seeded generator, so the edits are the same at every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
