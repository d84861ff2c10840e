/// JavaScript the browser tests evaluate in pages: each returns what it found wrong, as text.
enum PageScripts {
    /// Visible text (outside KaTeX's MathML annotations, code and scripts) that still holds
    /// TeX: a control word such as `\sigma`, or math delimiters `\(`, `\[`.
    static let visibleTeX = """
        (() => {
          const tex = /\\\\[A-Za-z]{2,}|\\\\[()\\[\\]]/;
          const found = [];
          if (tex.test(document.title)) found.push("title: " + document.title);
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.parentElement.closest(".katex-mathml, pre, code, script, style, noscript")) continue;
            if (tex.test(node.textContent)) found.push(node.textContent.trim().slice(0, 80));
          }
          return found.slice(0, 10);
        })()
        """

    /// Text runs holding Chinese characters that are not inside an element marked `lang="zh"`.
    static let unmarkedChinese = """
        (() => {
          const han = /[\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f]/;
          const found = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.parentElement.closest("script, style")) continue;
            if (!han.test(node.textContent)) continue;
            const marked = node.parentElement.closest("[lang]");
            if (!marked || !marked.lang.startsWith("zh")) found.push(node.textContent.trim().slice(0, 40));
          }
          return found.slice(0, 10);
        })()
        """

    /// Display formulas whose content is wider than their box with no cue that they scroll
    /// (shadows drawn at the edges, marked as scrolling, focusable to scroll with the keys):
    /// the formula's number, or its first characters.
    static let hiddenOverflow = """
        (() => {
          const found = [];
          document.querySelectorAll(".math.display").forEach(box => {
            if (box.scrollWidth <= box.clientWidth + 1) return;
            const equation = box.closest(".equation") || box;
            const cue = getComputedStyle(box).backgroundImage;
            const cued = equation.classList.contains("overflows") && cue.includes("gradient")
              && box.tabIndex === 0;
            if (!cued) {
              const number = equation.querySelector(".equation-number");
              found.push(number ? number.textContent : box.textContent.slice(0, 30));
            }
          });
          return found;
        })()
        """

    /// Code blocks without a copy button.
    static let codeWithoutCopyButton = """
        Array.from(document.querySelectorAll("article pre > code"))
          .filter(code => !code.closest(".code") || !code.closest(".code").querySelector(".copy-button"))
          .map(code => code.textContent.slice(0, 40))
        """
}
