// Qorgau's own behaviour, from a file: the Content-Security-Policy allows no inline script.
// - <select data-autosubmit> submits its form when changed (the language switch);
// - <a data-scroll-to="SELECTOR"> scrolls that element into view instead of following the link;
// - <a data-back> goes back in the browser's history (Cancel on forms).
document.addEventListener("change", function (event) {
  var select = event.target.closest && event.target.closest("select[data-autosubmit]");
  if (select && select.form) select.form.submit();
});
document.addEventListener("click", function (event) {
  if (!event.target.closest) return;
  var scroll = event.target.closest("a[data-scroll-to]");
  if (scroll) {
    var target = document.querySelector(scroll.getAttribute("data-scroll-to"));
    if (target) target.scrollIntoView({block: "center"});
    event.preventDefault();
    return;
  }
  var back = event.target.closest("a[data-back]");
  if (back && window.history.length > 1) {
    window.history.back();
    event.preventDefault();
  }
});
// - <button data-pick="UID"> inside a .person-picker adds UID to its [data-picked] input (the form keeps
//   identifiers, comma-separated) and clears the suggestions.
document.addEventListener("click", function (event) {
  if (!event.target.closest) return;
  var pick = event.target.closest("button[data-pick]");
  if (!pick) return;
  var picker = pick.closest(".person-picker");
  var field = picker && picker.querySelector("[data-picked]");
  if (!field) return;
  var uids = field.value.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
  if (uids.indexOf(pick.getAttribute("data-pick")) < 0) uids.push(pick.getAttribute("data-pick"));
  field.value = uids.join(", ");
  picker.querySelector(".suggestions").innerHTML = "";
  event.preventDefault();
});

// - <button data-menu-toggle> opens and closes the menu on a narrow screen (the menu is collapsed there).
document.addEventListener("click", function (event) {
  var toggle = event.target.closest && event.target.closest("button[data-menu-toggle]");
  if (!toggle) return;
  var header = toggle.closest("header");
  var open = header.classList.toggle("open");
  toggle.setAttribute("aria-expanded", open ? "true" : "false");
});
