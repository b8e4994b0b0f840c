// Workspace enhancements. Every feature here also works without JavaScript (links, <details>);
// this file only makes it faster: j/k between flagged changes, instant display toggles.
(function () {
  "use strict";

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function flaggedChanges() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-flagged]"));
  }

  function currentIndex(items) {
    var active = document.activeElement && document.activeElement.closest("[data-flagged]");
    var index = items.indexOf(active);
    if (index < 0 && location.hash) {
      index = items.findIndex(function (el) { return "#" + el.id === location.hash; });
    }
    return index;
  }

  function go(step) {
    var items = flaggedChanges();
    if (!items.length) { return; }
    var index = currentIndex(items);
    var next = index < 0 ? (step > 0 ? 0 : items.length - 1) : index + step;
    if (next < 0 || next >= items.length) { return; }
    var target = items[next];
    var fold = target.closest("details");
    if (fold) { fold.open = true; }
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
    history.replaceState(null, "", "#" + target.id);
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    if (event.key === "j") { go(1); event.preventDefault(); }
    if (event.key === "k") { go(-1); event.preventDefault(); }
  });

  // Fold/unfold unchanged clauses in place instead of reloading the page.
  document.querySelectorAll("[data-toggle='unchanged']").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var folds = document.querySelectorAll(".unchanged-fold");
      if (!folds.length) { return; }
      event.preventDefault();
      var open = !folds[0].open;
      folds.forEach(function (fold) { fold.open = open; });
      link.textContent = open ? link.dataset.labelOpen : link.dataset.labelClosed;
    });
  });

  // Filter forms: apply a choice as soon as it is made (the button stays for keyboard users).
  document.querySelectorAll("form.filters[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();
