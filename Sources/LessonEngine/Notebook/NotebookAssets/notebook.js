// The live notebook, added by `lessons serve` to the pages it sends (never part of Site/).
// Each runnable block gets Edit, Run, Stop and Reset; Shift+Enter runs the block being edited.
// Runs stream their output from the server; Save writes a block back into its chapter.
(function () {
  "use strict";

  // The launch's token: from the printed URL once, then kept for this tab only.
  var params = new URLSearchParams(window.location.search);
  if (params.has("token")) {
    sessionStorage.setItem("lessons-token", params.get("token"));
    params.delete("token");
    var rest = params.toString();
    history.replaceState(null, "", window.location.pathname + (rest ? "?" + rest : "") + window.location.hash);
  }
  var token = sessionStorage.getItem("lessons-token") || "";

  var dataElement = document.getElementById("lessons-notebook");
  var page = dataElement ? JSON.parse(dataElement.textContent) : null;
  var cells = {};       // by block id: { block, figure, editor, original, output, result, ... }
  var running = false;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function trimEnd(code) { return code.replace(/\n+$/, ""); }

  function codeOf(cell) { return cell.editor ? cell.editor.getValue() : trimEnd(cell.original); }

  function isDirty(cell) { return cell.editor && cell.editor.getValue() !== trimEnd(cell.original); }

  function anyDirty() {
    return Object.keys(cells).some(function (id) { return isDirty(cells[id]); });
  }

  // Live reload: the server's version changes when it rewrites the site.
  var known = null;
  var banner = null;
  function poll() {
    fetch("/__lessons/version", { cache: "no-store" }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (version) {
      if (version === null) return;
      if (known !== null && version !== known) {
        if (!anyDirty() && !running) { window.location.reload(); return; }
        if (!banner) {
          banner = el("div", "nb-banner", "The site was rebuilt. Reload to see it (unsaved edits on this page would be lost).");
          document.body.insertBefore(banner, document.body.firstChild);
        }
      }
      known = version;
    }).catch(function () {}).then(function () { setTimeout(poll, 1000); });
  }
  poll();

  if (!page) return;

  function post(action, body) {
    return fetch("/__lessons/" + action, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Lessons-Token": token },
      body: JSON.stringify(body)
    });
  }

  function edits() {
    return Object.keys(cells).filter(function (id) { return isDirty(cells[id]); }).map(function (id) {
      return { id: Number(id), code: codeOf(cells[id]) + "\n" };
    });
  }

  function setStatus(cell, text, kind) {
    cell.status.textContent = text;
    cell.status.className = "nb-status" + (kind ? " " + kind : "");
  }

  function markStaleBelow(id) {
    Object.keys(cells).forEach(function (other) {
      if (Number(other) > id) cells[other].figure.classList.add("nb-stale");
    });
  }

  function clearMarks(cell) {
    if (!cell.editor) return;
    (cell.marks || []).forEach(function (line) { cell.editor.removeLineClass(line, "background", "nb-error-line"); });
    cell.marks = [];
  }

  function openEditor(cell) {
    if (cell.editor) { cell.editor.focus(); return; }
    if (!window.CodeMirror) {
      setStatus(cell, "The editor is missing: install Debian's libjs-codemirror and restart lessons serve.", "failed");
      return;
    }
    var code = cell.figure.querySelector(".code");
    var host = el("div", "nb-editor");
    code.parentNode.insertBefore(host, code);
    code.hidden = true;
    cell.editor = window.CodeMirror(host, {
      value: trimEnd(cell.original), mode: "swift", lineNumbers: true, indentUnit: 4,
      viewportMargin: Infinity,
      extraKeys: {
        "Shift-Enter": function () { run(cell); },
        Tab: function (cm) { cm.replaceSelection("    "); }
      }
    });
    cell.editor.on("change", function () {
      clearMarks(cell);
      cell.figure.classList.toggle("nb-edited", isDirty(cell));
      markStaleBelow(cell.block.id);
    });
    cell.editor.focus();
  }

  function resultArea(cell) {
    if (!cell.area) {
      cell.figure.querySelectorAll(".cell-status, pre.output, figure.plot").forEach(function (node) {
        node.hidden = true;
      });
      cell.area = el("div", "nb-result");
      cell.figure.appendChild(cell.area);
    }
    return cell.area;
  }

  function startLive(cell) {
    var area = resultArea(cell);
    area.textContent = "";
    cell.live = el("pre", "output nb-live");
    area.appendChild(cell.live);
    setStatus(cell, "Running…", "running");
  }

  function showResult(cell, result) {
    var area = resultArea(cell);
    area.textContent = "";
    cell.lastOutput = result.output;
    cell.lastOutputCode = codeOf(cell);
    clearMarks(cell);
    var verdict = el("p", "nb-verdict");
    var kind = "failed";
    switch (result.status) {
      case "completed":
        if (!result.hasExpected) { verdict.textContent = "Ran (no expected output to compare)."; kind = "passed"; }
        else if (result.diff) { verdict.textContent = "≠ The output differs from the expected output:"; kind = "mismatch"; }
        else { verdict.textContent = "✓ The output matches the expected output."; kind = "passed"; }
        break;
      case "compileError": verdict.textContent = "✗ Compile error"; break;
      case "trapped": verdict.textContent = "✗ Trap"; break;
      case "timedOut": verdict.textContent = "✗ The time limit expired while this block ran."; break;
      case "stopped": verdict.textContent = "■ Stopped."; kind = "stopped"; break;
      case "notRun": verdict.textContent = "Not run: " + (result.message || ""); kind = "notrun"; break;
      default: verdict.textContent = "✗ " + (result.message || result.status);
    }
    verdict.classList.add(kind);
    area.appendChild(verdict);
    (result.diagnostics || []).forEach(function (d) {
      var where = d.line ? "line " + d.line + ": " : "";
      area.appendChild(el("p", "nb-diagnostic", d.severity + ": " + where + d.message));
      if (d.line && cell.editor && d.severity === "error") {
        cell.editor.addLineClass(d.line - 1, "background", "nb-error-line");
        cell.marks = (cell.marks || []).concat([d.line - 1]);
      }
    });
    if (result.output) area.appendChild(el("pre", "output", result.output));
    if (result.diff) area.appendChild(el("pre", "nb-diff", result.diff));
    (result.figures || []).forEach(function (figure) {
      var holder = el("figure", "plot");
      var image = el("div", "plot-image");
      image.innerHTML = figure.svg;   // checked plain SVG by the server
      holder.appendChild(image);
      holder.appendChild(el("figcaption", "", figure.alt));
      area.appendChild(holder);
    });
    cell.figure.classList.remove("nb-stale");
    cell.figure.dataset.nbState = kind;
    setStatus(cell, "", "");
  }

  function setRunning(on) {
    running = on;
    Object.keys(cells).forEach(function (id) {
      cells[id].runButton.disabled = on;
      cells[id].stopButton.disabled = !on;
    });
  }

  function run(cell) {
    if (running) return;
    setRunning(true);
    var id = cell.block.id;
    var shown = Object.keys(cells).map(Number).filter(function (other) { return other <= id; });
    shown.forEach(function (other) { setStatus(cells[other], "Waiting…", "running"); });
    setStatus(cell, "Compiling…", "running");
    post("run", { file: page.file, hash: page.hash, edits: edits(), block: id }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (refusal) { throw new Error(refusal.error || response.statusText); });
      }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = "";
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) return;
          buffer += decoder.decode(chunk.value, { stream: true });
          var end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            var message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (message.indexOf("data: ") === 0) handle(JSON.parse(message.slice(6)), cell);
          }
          return pump();
        });
      }
      return pump();
    }).catch(function (error) {
      setStatus(cell, String(error.message || error), "failed");
    }).then(function () {
      shown.forEach(function (other) {
        if (cells[other].status.classList.contains("running")) setStatus(cells[other], "", "");
      });
      setRunning(false);
    });
  }

  function handle(event, runCell) {
    var cell = event.id !== undefined ? cells[event.id] : null;
    switch (event.type) {
      case "compiled": setStatus(runCell, "Compiled in " + event.seconds.toFixed(1) + " s; running…", "running"); break;
      case "started": if (cell) startLive(cell); break;
      case "output": if (cell) { if (!cell.live) startLive(cell); cell.live.textContent += event.text; } break;
      case "result": if (cell) showResult(cell, event.result); break;
      case "done":
        if (event.error) setStatus(runCell, event.error, "failed");
        break;
    }
  }

  function stop() { post("stop", { file: page.file, hash: page.hash }); }

  function reset(cell) {
    if (!cell.editor) return;
    cell.editor.setValue(trimEnd(cell.original));
    clearMarks(cell);
  }

  function save(cell) {
    var body = { file: page.file, hash: page.hash, edits: isDirty(cell) ? [{ id: cell.block.id, code: codeOf(cell) + "\n" }] : [] };
    if (cell.acceptBox.checked) {
      if (cell.lastOutput === undefined || cell.lastOutputCode !== codeOf(cell)) {
        setStatus(cell, "Run the block first: its new output becomes the expected output.", "failed");
        return;
      }
      body.outputs = [{ id: cell.block.id, text: cell.lastOutput }];
    }
    post("save", body).then(function (response) {
      return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
    }).then(function (reply) {
      if (!reply.ok) {
        var text = reply.answer.error || "not saved";
        setStatus(cell, text, "failed");
        if (reply.answer.current) {
          var disk = reply.answer.current.blocks.filter(function (b) { return b.id === cell.block.id; })[0];
          if (disk) {
            var area = resultArea(cell);
            area.appendChild(el("p", "nb-conflict", "The block on disk now:"));
            area.appendChild(el("pre", "nb-diff", disk.code));
          }
        }
        return;
      }
      page.hash = reply.answer.hash;
      reply.answer.blocks.forEach(function (b) { if (cells[b.id]) cells[b.id].original = b.code; });
      cell.figure.classList.toggle("nb-edited", isDirty(cell));
      setStatus(cell, "Saved to " + page.file + ".", "saved");
    }).catch(function (error) { setStatus(cell, String(error), "failed"); });
  }

  function button(label, title, action) {
    var b = el("button", "nb-" + label.toLowerCase().split(" ")[0], label);
    b.type = "button";
    b.title = title;
    b.addEventListener("click", action);
    return b;
  }

  page.blocks.forEach(function (block) {
    if (!block.runs || block.hidden) return;
    var figure = document.getElementById("block-" + block.id);
    if (!figure) return;
    var cell = { block: block, figure: figure, original: block.code };
    var bar = el("div", "nb-toolbar");
    bar.appendChild(button("Edit", "Edit this block", function () { openEditor(cell); }));
    cell.runButton = button("Run", "Run this block and the blocks above it (Shift+Enter)", function () { run(cell); });
    bar.appendChild(cell.runButton);
    cell.stopButton = button("Stop", "Stop the run", stop);
    cell.stopButton.disabled = true;
    bar.appendChild(cell.stopButton);
    bar.appendChild(button("Reset", "Back to the chapter's code", function () { reset(cell); }));
    bar.appendChild(button("Save to chapter", "Write this block into " + page.file, function () { save(cell); }));
    var label = el("label", "nb-accept");
    cell.acceptBox = el("input");
    cell.acceptBox.type = "checkbox";
    label.appendChild(cell.acceptBox);
    label.appendChild(document.createTextNode(" and its new output as expected"));
    bar.appendChild(label);
    cell.status = el("span", "nb-status");
    bar.appendChild(cell.status);
    figure.insertBefore(bar, figure.firstChild);
    cells[block.id] = cell;
  });
})();
