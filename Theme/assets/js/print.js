// Shows the print buttons only when a script can run them; the page reads the same without it.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.closest(".print-action").hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
