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
