// Neural Lessons: theme toggle, menu, copy buttons, long outputs, search and live reload.
// Plain JavaScript, no network: the search index is window.LESSONS_SEARCH (search-index.js).
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme: follow the system until the reader picks one; remember the choice.
  function currentTheme() {
    if (root.dataset.theme) return root.dataset.theme;
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  var themeButton = document.querySelector(".theme-toggle");
  function labelThemeButton() {
    var next = currentTheme() === "dark" ? "light" : "dark";
    themeButton.setAttribute("aria-label", "Switch to the " + next + " theme");
    themeButton.title = "Switch to the " + next + " theme";
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

  // The table of contents opens as a panel on narrow screens.
  var menuButton = document.querySelector(".menu-toggle");
  if (menuButton) {
    menuButton.addEventListener("click", function () {
      var open = root.classList.toggle("menu-open");
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // A copy button on every code block.
  document.querySelectorAll(".cell .code").forEach(function (container) {
    var code = container.querySelector("code");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy this code");
    button.addEventListener("click", function () {
      var done = function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
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
    button.textContent = "Show all " + output.textContent.split("\n").length + " lines";
    button.addEventListener("click", function () {
      var collapsed = output.classList.toggle("collapsed");
      button.textContent = collapsed ? "Show all" : "Show less";
    });
    output.insertAdjacentElement("afterend", button);
  });

  // Search: every word must occur in a section's title or text; titles weigh more.
  var index = window.LESSONS_SEARCH || [];
  function search(query) {
    var words = query.toLowerCase().split(/\s+/).filter(function (word) { return word; });
    if (!words.length) return [];
    var hits = [];
    index.forEach(function (entry) {
      var title = entry.title.toLowerCase();
      var text = entry.text.toLowerCase();
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var inTitle = title.indexOf(words[i]) >= 0;
        var at = text.indexOf(words[i]);
        if (!inTitle && at < 0) return;
        score += (inTitle ? 10 : 0) + (at >= 0 ? 1 : 0);
      }
      hits.push({ entry: entry, score: score, snippet: snippet(entry.text, words[0]) });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits.slice(0, 20);
  }
  function snippet(text, word) {
    var at = text.toLowerCase().indexOf(word);
    if (at < 0) return text.slice(0, 140);
    var start = Math.max(0, at - 60);
    return (start > 0 ? "…" : "") + text.slice(start, at + 100) + "…";
  }
  function resultItem(hit) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = hit.entry.url;
    link.textContent = hit.entry.title;
    item.appendChild(link);
    if (hit.snippet) {
      var text = document.createElement("p");
      text.textContent = hit.snippet;
      item.appendChild(text);
    }
    return item;
  }
  var input = document.getElementById("search-input");
  var dropdown = document.getElementById("search-results");
  if (input && dropdown) {
    input.addEventListener("input", function () {
      var hits = search(input.value);
      dropdown.textContent = "";
      if (!input.value.trim()) { dropdown.hidden = true; return; }
      var list = document.createElement("ol");
      hits.slice(0, 8).forEach(function (hit) { list.appendChild(resultItem(hit)); });
      if (!hits.length) {
        var none = document.createElement("p");
        none.textContent = "No section mentions “" + input.value.trim() + "”.";
        dropdown.appendChild(none);
      }
      dropdown.appendChild(list);
      dropdown.hidden = false;
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { dropdown.hidden = true; input.blur(); }
    });
  }
  var pageResults = document.getElementById("search-page-results");
  if (pageResults) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    if (input) input.value = query;
    var hits = search(query);
    hits.forEach(function (hit) { pageResults.appendChild(resultItem(hit)); });
    var summary = document.getElementById("search-summary");
    if (query) {
      summary.textContent = hits.length + (hits.length === 1 ? " section mentions “" : " sections mention “") + query + "”.";
    }
  }

  // Live reload under `lessons serve`: it answers /__lessons/version; a static host does not.
  if (window.location.protocol === "http:" && window.location.hostname === "127.0.0.1") {
    var known = null;
    var poll = function () {
      fetch("/__lessons/version", { cache: "no-store" }).then(function (response) {
        if (!response.ok) return null;
        return response.text();
      }).then(function (version) {
        if (version === null) return;
        if (known !== null && version !== known) { window.location.reload(); return; }
        known = version;
        setTimeout(poll, 1000);
      }, function () { setTimeout(poll, 3000); });
    };
    poll();
  }
})();
