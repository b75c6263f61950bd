/* A "Print this card" button, shown only where JavaScript can print; without it the page asks the
   visitor to use the browser's own Print command. */
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
}());
