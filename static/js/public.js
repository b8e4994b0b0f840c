// Progressive enhancement for the public pages: everything works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // A print button only where printing from script is possible; the print CSS does the rest.
  for (const button of document.querySelectorAll("button.js-print")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});
