/* The only script: add task lines, and ask the server for the live total and rating while a form is filled in. */
(function () {
  "use strict";

  function addLine(button) {
    var form = button.closest("form");
    var template = form.querySelector("template[data-line-template]");
    var total = form.querySelector("input[name$='-TOTAL_FORMS']");
    var index = parseInt(total.value, 10);
    var html = template.innerHTML.replace(/__prefix__/g, String(index));
    form.querySelector("tbody[data-lines]").insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
  }

  // One request at a time per form: inputs typed while one is on its way are sent when it is back.
  function preview(form) {
    if (form.dataset.previewing) { form.dataset.again = "1"; return; }
    form.dataset.previewing = "1";
    var error = form.querySelector("[data-live-error]");
    fetch(form.getAttribute("data-preview"), {
      method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "X-Requested-With": "fetch" }
    })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (body.error) { error.textContent = body.error; return; }
        error.textContent = "";
        form.querySelector("output[data-total]").textContent = body.total === null ? "—" : body.total;
        form.querySelector("output[data-rating]").textContent = body.rating_label || "—";
      })
      .catch(function () { error.textContent = ""; })
      .then(function () {
        delete form.dataset.previewing;
        if (form.dataset.again && !form.dataset.sending) { delete form.dataset.again; preview(form); }
      });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-add-line]");
    if (button) { event.preventDefault(); addLine(button); }
  });

  var timers = new WeakMap();
  document.addEventListener("input", function (event) {
    var form = event.target.closest("form[data-preview]");
    if (!form || form.dataset.sending) { return; }
    clearTimeout(timers.get(form));
    timers.set(form, setTimeout(function () { preview(form); }, 350));
  });

  // Once the form is sent, a pending live total is of no use.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    clearTimeout(timers.get(form));
    form.dataset.sending = "1";
  });
})();
