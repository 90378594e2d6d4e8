// Live validation for the web form: as people type, the form is checked by the same
// rules as the command line and each error is shown next to its field. Without
// JavaScript the form works the same, checked when it is sent.
"use strict";
(function () {
  const form = document.getElementById("form");
  if (!form || !window.fetch || !window.FormData) return;
  let timer = null;
  function show(errors) {
    form.querySelectorAll(".error").forEach(function (p) { p.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
    });
    errors.forEach(function (e) {
      if (!e.input) return;
      const id = e.input.replace(/[^A-Za-z0-9]/g, "-");
      const input = document.getElementById(id);
      const p = document.getElementById(id + "-error");
      if (!input || !p) return;
      p.textContent = (p.textContent ? p.textContent + " " : "") + e.message;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", id + "-error");
    });
  }
  function check() {
    const data = new FormData(form);
    data.delete("logo");
    data.delete("logo_data");
    data.delete("contacts_file");
    fetch("/api/validate", { method: "POST", body: data })
      .then(function (r) { return r.ok ? r.json() : { errors: [] }; })
      .then(function (j) { show(j.errors || []); })
      .catch(function () {});
  }
  form.addEventListener("input", function (event) {
    if (event.target.type === "file") return;
    clearTimeout(timer);
    timer = setTimeout(check, 500);
  });
})();
