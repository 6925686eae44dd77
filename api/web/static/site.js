// Conveniences only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // A changed order runs the search again at once.
  document.querySelectorAll("select[data-submit]").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form) select.form.requestSubmit();
    });
  });
  // "/" puts the cursor in the search box, as on most search pages.
  document.addEventListener("keydown", function (event) {
    var box = document.getElementById("q");
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && box && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
  // Empty fields are left out of the address, so a search's link stays short.
  document.querySelectorAll("form.search").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (field.name && !field.value) field.disabled = true;
      });
      window.setTimeout(function () {
        form.querySelectorAll("input, select").forEach(function (field) { field.disabled = false; });
      }, 0);
    });
  });
})();
