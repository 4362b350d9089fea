// Turns the headings of tables marked data-sortable into sort buttons. Without this script the table
// is already in rank order; with it a reader may order it by any column, and aria-sort says how.
document.querySelectorAll("table[data-sortable]").forEach(function (table) {
  var body = table.tBodies[0];
  if (!body) { return; }
  var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headings.forEach(function (heading, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    while (heading.firstChild) { button.appendChild(heading.firstChild); }
    heading.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = heading.getAttribute("aria-sort") !== "ascending";
      var numeric = heading.getAttribute("data-sort-type") === "number";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column], y = b.cells[column];
        var left = x.hasAttribute("data-sort") ? x.getAttribute("data-sort") : x.textContent.trim();
        var right = y.hasAttribute("data-sort") ? y.getAttribute("data-sort") : y.textContent.trim();
        var order = numeric ? parseFloat(left) - parseFloat(right) : left.localeCompare(right, "vi");
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      headings.forEach(function (other) { other.removeAttribute("aria-sort"); });
      heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    });
  });
});
