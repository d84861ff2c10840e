// Neural Lessons: theme toggle, menu, copy buttons, long outputs and formulas, the outline,
// keyboard paging, and search. Plain JavaScript, no network, nothing polled: the search
// index (search-index.js, window.LESSONS_SEARCH) loads when search is first used.
(function () {
  "use strict";
  var root = document.documentElement;
  // The site's root, from this script's own address: pages one folder down (api/) load it
  // as ../site.js, and the search index and its results are named from the root.
  // A translated edition (zh/) loads the shared ../site.js but has its own search index and
  // pages: its <html data-site-root=""> says so.
  var siteRoot = root.hasAttribute("data-site-root")
    ? root.getAttribute("data-site-root")
    : document.currentScript
      ? (document.currentScript.getAttribute("src") || "").replace(/site\.js([?#].*)?$/, "")
      : "";
  // The page's own words in its edition's language: <html data-strings> holds a translated
  // edition's; English pages have none and show the words as written here.
  var strings = {};
  try { strings = JSON.parse(root.getAttribute("data-strings") || "{}"); } catch (error) { strings = {}; }
  function t(text, values) {
    var result = strings[text] || text;
    Object.keys(values || {}).forEach(function (name) {
      result = result.split("{" + name + "}").join(values[name]);
    });
    return result;
  }

  // The language switch leads to the same section of the other edition.
  document.querySelectorAll("a.language-switch").forEach(function (link) {
    link.addEventListener("click", function () {
      if (window.location.hash) link.href = link.getAttribute("href").split("#")[0] + window.location.hash;
    });
  });

  // Theme: follow the system until the reader picks one; remember the choice.
  function currentTheme() {
    if (root.dataset.theme) return root.dataset.theme;
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  var themeButton = document.querySelector(".theme-toggle");
  function labelThemeButton() {
    var label = currentTheme() === "dark" ? t("Switch to the light theme") : t("Switch to the dark theme");
    themeButton.setAttribute("aria-label", label);
    themeButton.title = label;
  }
  if (themeButton) {
    labelThemeButton();
    themeButton.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.dataset.theme = next;
      try { localStorage.setItem("lessons-theme", next); } catch (error) { /* not kept */ }
      labelThemeButton();
    });
  }

  // The table of contents opens as a panel on narrow screens, over a backdrop; Escape, a tap
  // on the backdrop or following a link closes it.
  var menuButton = document.querySelector(".menu-toggle");
  function setMenu(open) {
    root.classList.toggle("menu-open", open);
    if (menuButton) menuButton.setAttribute("aria-expanded", open ? "true" : "false");
  }
  if (menuButton) {
    menuButton.addEventListener("click", function () {
      setMenu(!root.classList.contains("menu-open"));
    });
    var backdrop = document.querySelector(".menu-backdrop");
    if (backdrop) backdrop.addEventListener("click", function () { setMenu(false); });
    document.querySelectorAll(".sidebar a").forEach(function (link) {
      link.addEventListener("click", function () { setMenu(false); });
    });
  }

  // A copy button on every code block.
  document.querySelectorAll("article .code").forEach(function (container) {
    var code = container.querySelector("code");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = t("Copy");
    button.setAttribute("aria-label", t("Copy this code"));
    button.addEventListener("click", function () {
      var done = function () {
        button.textContent = t("Copied");
        setTimeout(function () { button.textContent = t("Copy"); }, 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(code.textContent).then(done, function () {
          selectText(code);
        });
      } else {
        selectText(code);
      }
    });
    container.appendChild(button);
  });
  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // Very long outputs start collapsed, with a button to show them all.
  document.querySelectorAll("pre.output.long").forEach(function (output) {
    output.classList.add("collapsed");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "show-all";
    var showAll = t("Show all {count} lines", { count: output.textContent.split("\n").length });
    button.textContent = showAll;
    button.addEventListener("click", function () {
      var collapsed = output.classList.toggle("collapsed");
      button.textContent = collapsed ? showAll : t("Show less");
    });
    output.insertAdjacentElement("afterend", button);
  });

  // A display formula too wide for its place: its number and badge move under it, and if it
  // is still too wide it scrolls, with shadows at the edges that hide more.
  var equations = document.querySelectorAll(".equation");
  function fitEquations() {
    equations.forEach(function (equation) {
      var box = equation.querySelector(".math.display");
      if (!box) return;
      equation.classList.remove("stacked", "overflows");
      if (box.scrollWidth > box.clientWidth + 1) equation.classList.add("stacked");
      if (box.scrollWidth > box.clientWidth + 1) {
        equation.classList.add("overflows");
        box.setAttribute("aria-label", t("Formula, scrolls sideways"));
      } else {
        box.removeAttribute("aria-label");
      }
    });
  }
  if (equations.length) {
    fitEquations();
    // KaTeX's fonts change the formulas' widths once they arrive.
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(fitEquations);
    var resizing = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizing);
      resizing = setTimeout(fitEquations, 100);
    });
  }

  // The outline marks the section being read.
  var outlineLinks = document.querySelectorAll(".outline a[href^='#']");
  if (outlineLinks.length && "IntersectionObserver" in window) {
    var byID = {};
    var headings = [];
    outlineLinks.forEach(function (link) {
      var heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (heading) { byID[heading.id] = link; headings.push(heading); }
    });
    var markCurrent = function () {
      var current = null;
      for (var i = 0; i < headings.length; i++) {
        if (headings[i].getBoundingClientRect().top <= 120) current = headings[i]; else break;
      }
      outlineLinks.forEach(function (link) { link.removeAttribute("aria-current"); });
      if (current) byID[current.id].setAttribute("aria-current", "location");
    };
    var observer = new IntersectionObserver(markCurrent, { rootMargin: "0px 0px -60% 0px" });
    headings.forEach(function (heading) { observer.observe(heading); });
    markCurrent();
  }

  // ← and → turn to the previous and next page, unless the reader is typing or scrolling
  // something sideways.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var target = event.target;
    if (target && target.closest && target.closest(
      "input, textarea, select, [contenteditable], .math.display, pre, .plot-image, .search-results")) return;
    var link = document.querySelector(event.key === "ArrowLeft" ? ".pager a[rel=prev]" : ".pager a[rel=next]");
    if (link) { event.preventDefault(); window.location.href = link.href; }
  });

  // Search: the index loads on first use. Every word must occur in a section's title, text or
  // code; titles weigh more. Results mark the words found.
  var waiting = null;
  function withIndex(callback) {
    if (window.LESSONS_SEARCH) { callback(window.LESSONS_SEARCH); return; }
    if (waiting) { waiting.push(callback); return; }
    waiting = [callback];
    var script = document.createElement("script");
    script.src = siteRoot + "search-index.js";
    script.onload = function () {
      var callbacks = waiting;
      waiting = null;
      callbacks.forEach(function (call) { call(window.LESSONS_SEARCH || []); });
    };
    document.head.appendChild(script);
  }
  function wordsOf(query) {
    return query.toLowerCase().split(/\s+/).filter(function (word) { return word; });
  }
  // Chinese has no spaces between words, so a run of Chinese characters is matched by its
  // bigrams (overlapping pairs of characters), as Chinese search engines index it: a
  // section matches if it holds every bigram of the run, in any order, so 梯度消失 finds
  // 梯度消失 and also 梯度的消失 does not break a search for 消失. Other words match as
  // substrings.
  var han = /[\u3400-\u9fff\uf900-\ufaff]/;
  function termsOf(word) {
    if (!han.test(word) || word.length < 3) return [word];
    var terms = [];
    for (var i = 0; i + 1 < word.length; i++) terms.push(word.slice(i, i + 2));
    return terms;
  }
  function holds(text, word) {
    var terms = termsOf(word);
    for (var i = 0; i < terms.length; i++) if (text.indexOf(terms[i]) < 0) return false;
    return true;
  }
  function search(index, words) {
    if (!words.length) return [];
    var hits = [];
    index.forEach(function (entry) {
      var title = entry.title.toLowerCase();
      var text = entry.text.toLowerCase();
      var code = (entry.code || "").toLowerCase();
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var inTitle = holds(title, words[i]);
        var inText = holds(text, words[i]);
        if (!inTitle && !inText && !holds(code, words[i])) return;
        // The whole run, not only its bigrams, counts more.
        var whole = title.indexOf(words[i]) >= 0 || text.indexOf(words[i]) >= 0;
        score += (inTitle ? 10 : 0) + (inText ? 2 : 1) + (whole ? 3 : 0);
      }
      hits.push({ entry: entry, score: score, snippet: snippet(entry.text, words) });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits.slice(0, 20);
  }
  function snippet(text, words) {
    var lower = text.toLowerCase();
    var at = -1;
    for (var i = 0; i < words.length && at < 0; i++) at = lower.indexOf(words[i]);
    if (at < 0) return text.length > 140 ? text.slice(0, 140) + "…" : text;
    var start = Math.max(0, at - 60);
    return (start > 0 ? "…" : "") + text.slice(start, at + 100) + (at + 100 < text.length ? "…" : "");
  }
  // Appends text with the search words in <mark> and Chinese runs marked lang="zh".
  var chinese = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+(?:[\s\u00b7\u2026“”"'()（）:：,，.。!?]*[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+)*/g;
  function appendMarked(parent, text, words) {
    var pieces = [];
    var match;
    chinese.lastIndex = 0;
    var last = 0;
    while ((match = chinese.exec(text))) {
      pieces.push({ text: text.slice(last, match.index), zh: false });
      pieces.push({ text: match[0], zh: true });
      last = match.index + match[0].length;
    }
    pieces.push({ text: text.slice(last), zh: false });
    pieces.forEach(function (piece) {
      if (!piece.text) return;
      var into = parent;
      if (piece.zh) {
        into = document.createElement("span");
        into.lang = "zh";
        parent.appendChild(into);
      }
      var lower = piece.text.toLowerCase();
      var position = 0;
      while (position < piece.text.length) {
        var next = -1, length = 0;
        words.forEach(function (word) {
          var found = lower.indexOf(word, position);
          if (found >= 0 && (next < 0 || found < next)) { next = found; length = word.length; }
        });
        if (next < 0) { into.appendChild(document.createTextNode(piece.text.slice(position))); break; }
        if (next > position) into.appendChild(document.createTextNode(piece.text.slice(position, next)));
        var mark = document.createElement("mark");
        mark.textContent = piece.text.slice(next, next + length);
        into.appendChild(mark);
        position = next + length;
      }
    });
  }
  function resultItem(hit, words) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = siteRoot + hit.entry.url;
    appendMarked(link, hit.entry.title, words);
    item.appendChild(link);
    if (hit.snippet) {
      var text = document.createElement("p");
      appendMarked(text, hit.snippet, words);
      item.appendChild(text);
    }
    return item;
  }
  var input = document.getElementById("search-input");
  var dropdown = document.getElementById("search-results");
  var form = input && input.form;
  function closeDropdown() { if (dropdown) dropdown.hidden = true; }
  function resultLinks() { return Array.prototype.slice.call(dropdown.querySelectorAll("a")); }
  if (input && dropdown) {
    input.addEventListener("focus", function () { withIndex(function () {}); });
    input.addEventListener("input", function () {
      var query = input.value;
      withIndex(function (index) {
        if (query !== input.value) return;
        var words = wordsOf(query);
        dropdown.textContent = "";
        if (!words.length) { closeDropdown(); return; }
        var hits = search(index, words);
        var list = document.createElement("ol");
        hits.slice(0, 8).forEach(function (hit) { list.appendChild(resultItem(hit, words)); });
        if (!hits.length) {
          var none = document.createElement("p");
          none.textContent = t("No section mentions “{query}”.", { query: query.trim() });
          dropdown.appendChild(none);
        }
        dropdown.appendChild(list);
        dropdown.hidden = false;
      });
    });
    // Arrow keys move from the box through the results and back; Escape closes them.
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { closeDropdown(); input.focus(); if (event.target === input) input.blur(); return; }
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      if (dropdown.hidden) return;
      var links = resultLinks();
      if (!links.length) return;
      var at = links.indexOf(document.activeElement);
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      event.preventDefault();
      if (next < 0) { input.focus(); return; }
      links[Math.min(next, links.length - 1)].focus();
    });
    // A click anywhere else closes the results.
    document.addEventListener("click", function (event) {
      if (!dropdown.hidden && !form.contains(event.target)) closeDropdown();
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && root.classList.contains("menu-open")) {
      setMenu(false);
      if (menuButton) menuButton.focus();
    }
  });
  var pageResults = document.getElementById("search-page-results");
  if (pageResults) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    if (input) input.value = query;
    withIndex(function (index) {
      var words = wordsOf(query);
      var hits = search(index, words);
      hits.forEach(function (hit) { pageResults.appendChild(resultItem(hit, words)); });
      var summary = document.getElementById("search-summary");
      if (query) {
        summary.textContent = hits.length === 1
          ? t("1 section mentions “{query}”.", { query: query })
          : t("{count} sections mention “{query}”.", { count: hits.length, query: query });
      }
    });
  }
})();
