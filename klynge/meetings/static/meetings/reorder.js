// Drag-and-drop reordering of the agenda's table of contents. Keyboard users
// have the "Flyt op" / "Flyt ned" buttons at each item, which work without JS.
(function () {
  var body = document.getElementById("agenda-order");
  if (!body || !body.dataset.reorderUrl) { return; }
  var dragged = null;
  var dropped = false;
  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  body.addEventListener("dragstart", function (e) {
    dragged = e.target.closest("tr");
    dropped = false;
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
    if (!dropped) { window.location.reload(); }
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
      if (!r.ok) { throw new Error("status " + r.status); }
      window.location.reload();
    }).catch(function () {
      window.alert("Rækkefølgen kunne ikke gemmes. Genindlæs siden og prøv igen.");
    });
  });
})();
