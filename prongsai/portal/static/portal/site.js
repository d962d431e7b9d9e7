// Progressive enhancement only: every page works without this file.
// After a form is sent back with errors, move focus to the error summary so keyboard and screen-reader
// users hear what to fix first (the summary links to each field).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
});

// Print buttons (e.g. the citizen manual): shown only when this script runs, since printing needs it.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});

// Wide tables scroll sideways inside .table-wrap on narrow screens. A scrolling box must be reachable by
// keyboard, so give every one that actually scrolls a tab stop and a name (its table's caption or the
// nearest heading); boxes that fit need neither.
(function () {
  function nameFor(box) {
    var caption = box.querySelector("caption");
    if (caption) { return caption.textContent.trim(); }
    var node = box.previousElementSibling;
    while (node && !/^H[1-6]$/.test(node.tagName)) { node = node.previousElementSibling; }
    return node ? node.textContent.trim() : document.title;
  }
  function mark() {
    document.querySelectorAll(".table-wrap").forEach(function (box) {
      if (box.dataset.fixedTabindex) { return; }
      if (box.hasAttribute("tabindex") && !box.dataset.autoTabindex) {
        box.dataset.fixedTabindex = "1";  // set by the template itself
        return;
      }
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        if (!box.hasAttribute("aria-label")) { box.setAttribute("aria-label", nameFor(box)); }
        box.dataset.autoTabindex = "1";
      } else if (box.dataset.autoTabindex) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        delete box.dataset.autoTabindex;
      }
    });
  }
  document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("resize", mark);
})();

// On a phone the main menu folds behind one button instead of taking four rows; with no script it stays open.
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var nav = document.querySelector(".main-nav");
    var button = nav && nav.querySelector(".nav-toggle");
    if (!button) { return; }
    nav.classList.add("collapsible");
    button.addEventListener("click", function () {
      var open = nav.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  });
})();
