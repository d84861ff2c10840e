import Foundation
import Testing

@testable import LessonEngine

@Suite struct PythonHighlighterTests {
    @Test func keywordsStringsNumbersAndCommentsAreClassified() {
        let html = PythonHighlighter.html("import numpy as np\nx = f'a{1}' + 2.5  # 定义 it\n")
        #expect(
            html
                == "<span class=\"hl-keyword\">import</span> numpy <span class=\"hl-keyword\">as</span> np\n"
                + "x = <span class=\"hl-string\">f'a{1}'</span> + <span class=\"hl-number\">2.5</span>  "
                + "<span class=\"hl-comment\"># <span lang=\"zh\">定义</span> it</span>\n")
    }

    @Test func theTextIsUnchanged() {
        let code = "def f(a, b=\"x\\\"y\"):\n    '''doc\n    string'''\n    return a <= b\n"
        let html = PythonHighlighter.html(code)
        let text = html.replacing(#/<[^>]+>/#, with: "").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&quot;", with: "\"")
        #expect(text == code)
        #expect(html.contains("<span class=\"hl-string\">'''doc\n    string'''</span>"))
    }
}
