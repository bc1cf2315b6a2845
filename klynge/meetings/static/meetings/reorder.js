// Drag-and-drop reordering of the agenda's table of contents. Keyboard users
// have the "Flyt op" / "Flyt ned" buttons at each item, which work without JS.
// A drag that is undone says why, in the status line above the table:
// - let go outside the table: the saved order is shown again, nothing is saved;
// - a written briefing put before other items: the server saves the order with the
//   briefing moved back last, and the reloaded page shows its message.
(function () {
  var body = document.getElementById("agenda-order");
  if (!body || !body.dataset.reorderUrl) { return; }
  var status = document.getElementById("agenda-order-status");
  var dragged = null;
  var dropped = false;
  var saved = [];
  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function say(text) {
    if (!status) { return; }
    status.className = "alert alert-info";
    status.innerHTML = "";
    var inner = document.createElement("div");
    inner.className = "alert-body";
    var p = document.createElement("p");
    p.className = "alert-text";
    p.textContent = text;
    inner.appendChild(p);
    status.appendChild(inner);
  }
  body.addEventListener("dragstart", function (e) {
    dragged = e.target.closest("tr");
    dropped = false;
    saved = Array.prototype.slice.call(body.querySelectorAll("tr"));
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", dragged.dataset.itemId);
  });
  body.addEventListener("dragover", function (e) {
    e.preventDefault();
    var row = e.target.closest("tr");
    if (!row || row === dragged) { return; }
    var after = e.clientY > row.getBoundingClientRect().top + row.offsetHeight / 2;
    body.insertBefore(dragged, after ? row.nextSibling : row);
  });
  // A row let go outside the table was moved on screen but not saved: show the saved order again.
  body.addEventListener("dragend", function () {
    if (dropped) { return; }
    saved.forEach(function (row) { body.appendChild(row); });
    say("Punktet blev sluppet uden for indholdsfortegnelsen, så rækkefølgen er ikke ændret. "
        + "Slip punktet på en række i tabellen for at flytte det.");
  });
  body.addEventListener("drop", function (e) {
    e.preventDefault();
    dropped = true;
    var order = Array.prototype.map.call(body.querySelectorAll("tr"), function (r) { return r.dataset.itemId; });
    fetch(body.dataset.reorderUrl, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()},
      body: JSON.stringify({order: order})
    }).then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (answer) {
          throw new Error(answer.fejl || "");
        });
      }
      window.location.reload();
    }).catch(function (error) {
      saved.forEach(function (row) { body.appendChild(row); });
      say((error && error.message) || "Rækkefølgen kunne ikke gemmes. Genindlæs siden og prøv igen.");
    });
  });
})();
