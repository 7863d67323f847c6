/* Staff pages: warn before the idle sign-out (WCAG 2.2.1) and put back a form kept across it.
   Same-origin file under the CSP; without it the pages work and the kept text is still shown. */
(function () {
  "use strict";

  function idleWarning() {
    var box = document.getElementById("idle-warning");
    if (!box || !window.fetch) { return; }
    var form = box.querySelector("form");
    var button = form.querySelector("button");
    var timeout = Number(box.dataset.timeout) * 1000;
    var warnBefore = Number(box.dataset.warnBefore) * 1000;
    var timer = null;
    var before = null;

    function arm() {
      window.clearTimeout(timer);
      timer = window.setTimeout(show, timeout - warnBefore);
    }
    function show() {
      before = document.activeElement;
      box.hidden = false;
      button.focus();
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(form.getAttribute("action"), {method: "POST", body: new FormData(form), credentials: "same-origin"})
        .then(function (response) {
          if (response.status !== 204) {  // signed out already: show the sign-in page
            window.location.assign(response.url);
            return;
          }
          box.hidden = true;
          if (before && before.focus) { before.focus(); }
          arm();
        })
        .catch(function () { form.submit(); });
    });
    arm();
  }

  function putBack() {
    var data = document.getElementById("kept-form");
    if (!data) { return; }
    var kept = JSON.parse(data.textContent);
    var action = kept.fields.filter(function (f) { return f[0] === "action"; })[0];
    var form = Array.prototype.filter.call(document.forms, function (candidate) {
      // getAttribute: a field named "action" hides the form's own action property.
      var url = new URL(candidate.getAttribute("action") || "", document.baseURI);
      var chosen = candidate.elements.namedItem("action");
      return url.pathname === kept.action
        && (!action || (chosen && chosen.value === action[1]));
    })[0];
    if (!form) { return; }
    kept.fields.forEach(function (field) {
      var control = form.elements.namedItem(field[0]);
      if (!control || control.type === "hidden") { return; }
      if (control.type === "checkbox" || control.type === "radio") {
        control.checked = control.value === field[1];
      } else if (control instanceof RadioNodeList) {
        Array.prototype.forEach.call(control, function (item) {
          if (item.value === field[1]) { item.checked = true; }
        });
      } else if (control.type !== "file") {
        control.value = field[1];
      }
    });
    var first = Array.prototype.filter.call(form.elements, function (e) {
      return e.type !== "hidden" && e.value;
    })[0];
    if (first) { first.focus(); }
  }

  idleWarning();
  putBack();
}());
