// parindex serve: the little the pages do in the browser. Every page works
// without it; it sorts tables, submits the group filter, adds what-if rows,
// takes a file dropped on the upload box and prints.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
  });
  document.querySelectorAll("[data-add-change]").forEach(function (b) {
    b.addEventListener("click", function () {
      var body = document.querySelector("#changes tbody");
      var last = body.querySelector("tr.change-row:last-child");
      var row = last.cloneNode(true);
      row.querySelectorAll("input, select").forEach(function (i) { i.value = ""; });
      body.appendChild(row);
    });
  });
  var drop = document.querySelector("[data-drop]");
  if (drop) {
    var input = drop.querySelector("input[type=file]");
    drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      drop.classList.remove("over");
      if (e.dataTransfer.files.length === 0) { return; }
      input.files = e.dataTransfer.files;
      input.form.submit();
    });
  }
  document.querySelectorAll("table.sortable").forEach(sortable);
});

// sortable sorts a table's rows by the column whose header is clicked,
// again to reverse; numbers written 1.234,56 or 1,234.56 sort as numbers.
function sortable(table) {
  if (table.tHead.rows.length !== 1) { return; }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    var asc = true;
    th.addEventListener("click", function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a.cells[col]), y = key(b.cells[col]);
        if (x < y) { return asc ? -1 : 1; }
        if (x > y) { return asc ? 1 : -1; }
        return 0;
      });
      asc = !asc;
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
}

function key(cell) {
  if (!cell) { return ""; }
  var t = cell.textContent.trim();
  var lang = document.documentElement.lang;
  var n = lang === "vi" ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "");
  n = n.replace(/^[▲▼]\s*/, "");
  if (/^-?\d+(\.\d+)?$/.test(n)) { return parseFloat(n); }
  return t.toLocaleLowerCase();
}
