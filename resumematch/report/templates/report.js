(function () {
  "use strict";
  var table = document.getElementById("ranking");
  if (!table) { return; }
  var body = table.tBodies[0];
  var shown = document.getElementById("shown");
  Array.prototype.forEach.call(document.querySelectorAll("[data-js]"), function (el) { el.hidden = false; });

  function value(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) { return null; }
    var raw = cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
    if (raw === "") { return null; }
    if (numeric) { var n = parseFloat(raw); return isNaN(n) ? null : n; }
    return raw.toLowerCase();
  }

  function sortBy(th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.getAttribute("data-type") === "number";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, i) { return [value(row, index, numeric), i, row]; });
    keyed.sort(function (a, b) {
      if (a[0] === null || b[0] === null) {  // empty cells always go last
        return a[0] === b[0] ? a[1] - b[1] : (a[0] === null ? 1 : -1);
      }
      if (a[0] < b[0]) { return ascending ? -1 : 1; }
      if (a[0] > b[0]) { return ascending ? 1 : -1; }
      return a[1] - b[1];
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k[2]); });
    body.appendChild(fragment);
  }

  Array.prototype.forEach.call(table.tHead.querySelectorAll("th button"), function (button) {
    button.addEventListener("click", function () { sortBy(button.parentNode); });
  });

  var filter = document.getElementById("filter");
  function applyFilter() {
    var which = filter.value;
    var count = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var keep = which === "all" || row.getAttribute("data-" + which) === "1";
      row.hidden = !keep;
      if (keep) { count += 1; }
    });
    if (shown) { shown.textContent = count + " of " + body.rows.length + " files shown"; }
  }
  if (filter) { filter.addEventListener("change", applyFilter); applyFilter(); }

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (el && el.tagName === "DETAILS") { el.open = true; el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
}());
