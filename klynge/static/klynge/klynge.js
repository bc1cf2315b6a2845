/* Site-wide behaviour, kept out of the templates so the Content-Security-Policy can forbid inline
   script and event-handler attributes:
   - start DKFDS (menus, accordions, error summaries);
   - <button data-print> prints the page;
   - <form data-confirm="Spørgsmål?"> asks before it is sent. */
(function () {
  "use strict";
  if (window.DKFDS) { window.DKFDS.init(); }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-print]");
    if (button) { event.preventDefault(); window.print(); }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
  });
})();
