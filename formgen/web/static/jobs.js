// Progress of a desk job (PDF conversion, batch printing) without a page reload:
// polls /desk/jobs/ID twice a second, moves the progress bar, and when the job is
// over opens the page's "then" address (the same page showing the result).
// Plain JavaScript served from the package: the desk works offline, and the
// Content-Security-Policy allows scripts from 'self' only.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) { return; }
  var id = box.getAttribute("data-job");
  var then = box.getAttribute("data-then");
  if (box.getAttribute("data-state") === "done" || box.getAttribute("data-state") === "failed") { return; }
  function show(s) {
    var bar = document.getElementById("job-progress");
    bar.max = s.total || 1;
    bar.value = s.done;
    document.getElementById("job-state").textContent = s.label;
    document.getElementById("job-done").textContent = s.done;
    document.getElementById("job-total").textContent = s.total;
  }
  function poll() {
    fetch("/desk/jobs/" + encodeURIComponent(id), {credentials: "same-origin", cache: "no-store"})
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (s) {
        show(s);
        if (s.finished) { window.location.replace(then); } else { window.setTimeout(poll, 500); }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 300);
}());
