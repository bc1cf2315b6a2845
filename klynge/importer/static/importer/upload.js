/* The upload page: each file is sent on its own (XHR), with a progress bar and a status,
   and its report is shown when it is done. Without JavaScript the form posts normally. */
(function () {
  "use strict";
  var form = document.getElementById("import-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
  document.documentElement.classList.add("js");
  var list = document.getElementById("import-files");
  var template = document.getElementById("import-file-template");
  var heading = document.getElementById("results-heading");
  var overall = document.getElementById("import-overall");
  var overallBar = document.getElementById("overall-progress");
  var overallStatus = document.getElementById("overall-status");
  var counter = 0;

  function csrf() { return form.querySelector("input[name=csrfmiddlewaretoken]").value; }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function send(entry, file, bodyId, dryRun) {
    return new Promise(function (resolve) {
      var data = new FormData();
      data.append("file", file);
      data.append("body", bodyId || "");
      data.append("dry_run", dryRun ? "1" : "");
      var dateField = document.getElementById("id_meeting_date");
      data.append("meeting_date", dateField ? dateField.value : "");
      data.append("csrfmiddlewaretoken", csrf());
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("data-file-url"));
      xhr.setRequestHeader("X-CSRFToken", csrf());
      xhr.setRequestHeader("Accept", "application/json");
      entry.status.textContent = "Sender …";
      entry.bar.value = 0;
      xhr.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) {
          entry.bar.value = Math.round(5 * event.loaded / event.total);
          entry.status.textContent = "Sender … " + Math.round(100 * event.loaded / event.total) + " %";
        }
      });
      xhr.upload.addEventListener("load", function () {
        entry.bar.value = 5;
        entry.status.textContent = "Sendt; venter på svar …";
      });
      xhr.addEventListener("load", function () {
        var result;
        try { result = JSON.parse(xhr.responseText); } catch (e) {
          result = {ok: false, status: "failed", message: file.name + ": Serveren svarede ikke som ventet (" + xhr.status + ")."};
        }
        if (xhr.status === 202 && result.job) {
          // queued as a background job: follow it until it is done
          follow(entry, file, result.job).then(resolve);
          return;
        }
        entry.bar.value = 100;
        resolve(result);
      });
      xhr.addEventListener("error", function () {
        resolve({ok: false, status: "failed", message: file.name + ": Forbindelsen til serveren blev afbrudt."});
      });
      xhr.send(data);
    });
  }

  // A queued import: ask for the job's status once a second and show its progress.
  function follow(entry, file, job) {
    return new Promise(function (resolve) {
      function ask() {
        var xhr = new XMLHttpRequest();
        xhr.open("GET", job.status_url);
        xhr.setRequestHeader("Accept", "application/json");
        xhr.addEventListener("load", function () {
          var state;
          try { state = JSON.parse(xhr.responseText); } catch (e) { state = null; }
          if (!state) {
            resolve({ok: false, status: "failed", message: file.name + ": Serveren svarede ikke som ventet (" + xhr.status + ")."});
            return;
          }
          entry.bar.value = state.finished ? 100 : Math.max(state.progress, 1);
          entry.status.textContent = state.finished ? state.status_label : (state.status_label + ": " + (state.stage || "…"));
          if (!state.finished) { window.setTimeout(ask, 1000); return; }
          if (state.files && state.files.length) { resolve(state.files[0]); return; }
          resolve({ok: false, status: "failed", message: state.message || (file.name + ": Importen mislykkedes.")});
        });
        xhr.addEventListener("error", function () {
          window.setTimeout(ask, 3000);  // the server may be restarting: keep asking
        });
        xhr.send();
      }
      entry.status.textContent = "I kø …";
      ask();
    });
  }

  var STATUS = {imported: "Importeret", checked: "Læst (intet gemt)", unchanged: "Allerede importeret – intet ændret",
                failed: "Fejl", confirm: "Bekræft organet", needs_body: "Vælg organet"};

  function render(entry, file, result, dryRun) {
    entry.status.textContent = STATUS[result.status] || result.status;
    var box = entry.report;
    box.innerHTML = "";
    var kind = result.status === "failed" ? "alert-error"
      : (result.status === "confirm" || result.status === "needs_body" || (result.warnings && result.warnings.length)) ? "alert-warning"
      : "alert-success";
    var alert = el("div", "alert " + kind);
    var body = el("div", "alert-body");
    alert.appendChild(body);
    body.appendChild(el("p", "alert-text", result.message));
    var s = result.summary;
    if (s) {
      body.appendChild(el("p", "alert-text", s.kind + " " + s.date + ": " + s.items + " punkter, " + s.attendees +
        " deltagere, " + s.absent + " afbud, " + s.guests + " gæster, " + s.repairs + " rettelser."));
    }
    [["Advarsler", result.warnings], ["Bemærk", result.notes]].forEach(function (pair) {
      if (pair[1] && pair[1].length) {
        body.appendChild(el("p", "alert-text weight-semibold", pair[0] + ":"));
        var ul = el("ul");
        pair[1].forEach(function (text) { ul.appendChild(el("li", "", text)); });
        body.appendChild(ul);
      }
    });
    if (result.review_url) {
      var rp = el("p", "alert-text");
      var ra = el("a", "", "Gennemse og ret");
      ra.href = result.review_url;
      rp.appendChild(ra);
      rp.appendChild(document.createTextNode(" – ret det læste (dato, organ, punkter, deltagere), og gem mødet."));
      body.appendChild(rp);
    }
    if (result.meeting_url) {
      var p = el("p", "alert-text");
      var a = el("a", "", "Gå til mødet");
      a.href = result.meeting_url;
      p.appendChild(a);
      body.appendChild(p);
    }
    box.appendChild(alert);
    if (result.status === "confirm" || result.status === "needs_body") {
      box.appendChild(confirmForm(entry, file, result, dryRun));
    }
    if (result.report) {
      var details = el("details");
      details.appendChild(el("summary", "", "Vis hele rapporten (JSON)"));
      details.appendChild(el("pre", "", JSON.stringify(result.report, null, 2)));
      box.appendChild(details);
    }
  }

  function confirmForm(entry, file, result, dryRun) {
    counter += 1;
    var wrap = el("div", "importer-confirm");
    var group = el("div", "form-group");
    var id = "confirm-body-" + counter;
    var label = el("label", "form-label", "Organ for " + file.name);
    label.htmlFor = id;
    var select = form.querySelector("select[name=body]").cloneNode(true);
    select.id = id;
    select.removeAttribute("name");
    select.removeAttribute("aria-describedby");
    if (result.candidates && result.candidates.length === 1) { select.value = String(result.candidates[0].id); }
    else { select.value = ""; }
    group.appendChild(label);
    group.appendChild(select);
    var button = el("button", "button button-primary", "Bekræft og importér");
    button.type = "button";
    button.addEventListener("click", function () {
      if (!select.value) { select.focus(); return; }
      button.disabled = true;
      send(entry, file, select.value, dryRun).then(function (again) { render(entry, file, again, dryRun); });
    });
    wrap.appendChild(group);
    wrap.appendChild(button);
    return wrap;
  }

  form.addEventListener("submit", function (event) {
    var input = form.querySelector("input[type=file]");
    if (!input.files.length) { return; }  // the server answers with the form's own error
    event.preventDefault();
    var files = Array.prototype.slice.call(input.files);
    var bodyId = form.querySelector("select[name=body]").value;
    var dryRun = form.querySelector("input[name=dry_run]").checked;
    heading.hidden = false;
    overall.hidden = false;
    list.innerHTML = "";
    var entries = files.map(function (file) {
      var node = template.content.firstElementChild.cloneNode(true);
      counter += 1;
      var bar = node.querySelector("progress");
      var label = node.querySelector(".importer-progress-label");
      bar.id = "file-progress-" + counter;
      label.htmlFor = bar.id;
      label.textContent = "Fremdrift for " + file.name;
      node.querySelector(".importer-name").textContent = file.name;
      var entry = {bar: bar, status: node.querySelector(".importer-status"), report: node.querySelector(".importer-report")};
      entry.status.textContent = "Venter …";
      list.appendChild(node);
      return entry;
    });
    var done = 0;
    overallBar.value = 0;
    overallStatus.textContent = "0 af " + files.length + " filer færdige.";
    var button = document.getElementById("import-start");
    button.disabled = true;
    files.reduce(function (chain, file, index) {
      return chain.then(function () {
        return send(entries[index], file, bodyId, dryRun).then(function (result) {
          render(entries[index], file, result, dryRun);
          done += 1;
          overallBar.value = Math.round(100 * done / files.length);
          overallStatus.textContent = done + " af " + files.length + " filer færdige.";
        });
      });
    }, Promise.resolve()).then(function () {
      button.disabled = false;
      overallStatus.textContent = "Færdig: " + files.length + (files.length === 1 ? " fil" : " filer") + " behandlet.";
    });
  });
})();
