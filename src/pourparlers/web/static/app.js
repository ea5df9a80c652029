// pourparlers web page: small enhancements only; every page works without this script.
// No data is ever inserted as HTML here.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // A filter <select> applies as soon as it changes.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form) select.form.requestSubmit();
    });
  });
  // The highlighted evidence of an article gets the keyboard focus (and is scrolled to).
  var focus = document.querySelector(".text mark.focus");
  if (focus) {
    focus.setAttribute("tabindex", "-1");
    focus.focus({ preventScroll: true });
    focus.scrollIntoView({ block: "center" });
  }
});
