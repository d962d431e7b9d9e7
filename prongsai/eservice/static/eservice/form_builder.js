// The request-form builder (eservice/forms_builder.py), progressively enhanced. Without this file the builder is
// a plain formset with an order column and two empty rows, and the server builds the same definition. With it:
// rows are added on demand, moved up and down (the order inputs follow the rows), the options a kind does not
// use are hidden, and a live preview shows the form as the citizen will see it. User text reaches the preview
// only through textContent, never as markup.
(function () {
  "use strict";

  var INPUT_TYPES = { number: "text", email: "email", phone: "tel", date: "text", thai_id: "text", text: "text" };

  function init(builder) {
    var prefix = builder.dataset.prefix;
    var rowsBox = builder.querySelector("[data-rows]");
    var total = builder.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var template = builder.querySelector("template[data-empty-row]");
    var preview = builder.querySelector("[data-form-preview]");
    var previewFields = preview.querySelector("[data-preview-fields]");
    var addRow = builder.querySelector("[data-add-row]");
    var text = builder.dataset;

    function rows() { return Array.prototype.slice.call(rowsBox.querySelectorAll("[data-field-row]")); }
    function input(row, name) { return row.querySelector("[name$='-" + name + "']"); }
    function value(row, name) { var el = input(row, name); return el ? el.value.trim() : ""; }
    function checked(row, name) { var el = input(row, name); return !!(el && el.checked); }

    // Only rows that hold a field get an order number: an untouched empty row must stay untouched, or the
    // server would take it for a field with no label.
    function renumber() {
      var n = 0;
      rows().forEach(function (row) {
        var order = input(row, "ORDER");
        if (!order) { return; }
        if (value(row, "label")) { n += 1; order.value = n; } else if (!order.defaultValue) { order.value = ""; }
      });
    }

    function showOptions(row) {
      var kind = value(row, "kind");
      row.querySelectorAll("[data-option]").forEach(function (box) { box.hidden = box.dataset.option !== kind; });
    }

    function control(kind, row) {
      var el;
      if (kind === "textarea" || kind === "address") {
        el = document.createElement("textarea");
        el.rows = 3;
      } else if (kind === "choice") {
        el = document.createElement("select");
        var first = document.createElement("option");
        first.textContent = text.textChoose;
        el.appendChild(first);
        value(row, "choices").split("\n").forEach(function (line) {
          var label = line.indexOf("|") >= 0 ? line.slice(line.indexOf("|") + 1) : line;
          if (!label.trim()) { return; }
          var option = document.createElement("option");
          option.textContent = label.trim();
          el.appendChild(option);
        });
      } else {
        el = document.createElement("input");
        el.type = kind === "file" ? "file" : (INPUT_TYPES[kind] || "text");
      }
      el.disabled = true;
      return el;
    }

    function renderPreview() {
      previewFields.textContent = "";
      var shown = 0;
      rows().forEach(function (row) {
        var label = value(row, "label");
        if (!label || checked(row, "DELETE")) { return; }
        shown += 1;
        var field = document.createElement("div");
        field.className = "field";
        var caption = document.createElement("label");
        caption.textContent = label + (checked(row, "required") ? " * " : " ");
        if (checked(row, "required")) {
          var hidden = document.createElement("span");
          hidden.className = "visually-hidden";
          hidden.textContent = text.textRequired;
          caption.appendChild(hidden);
        }
        var help = value(row, "help");
        if (help) {
          var note = document.createElement("span");
          note.className = "help";
          note.textContent = help;
          caption.appendChild(document.createElement("br"));
          caption.appendChild(note);
        }
        caption.appendChild(document.createElement("br"));
        caption.appendChild(control(value(row, "kind"), row));
        field.appendChild(caption);
        previewFields.appendChild(field);
      });
      if (!shown) {
        var empty = document.createElement("p");
        empty.textContent = text.textEmpty;
        previewFields.appendChild(empty);
      }
    }

    function move(row, step) {
      var all = rows();
      var index = all.indexOf(row);
      var target = all[index + step];
      if (!target) { return; }
      if (step < 0) { rowsBox.insertBefore(row, target); } else { rowsBox.insertBefore(target, row); }
      renumber();
      renderPreview();
      row.querySelector("button[data-move='" + step + "']").focus();
    }

    function enhance(row) {
      var orderBox = row.querySelector("[data-order]");
      if (orderBox) { orderBox.hidden = true; }
      var tools = document.createElement("div");
      tools.className = "row-tools";
      [[-1, text.textUp], [1, text.textDown]].forEach(function (pair) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "secondary";
        button.dataset.move = String(pair[0]);
        button.textContent = pair[1];
        button.addEventListener("click", function () { move(row, pair[0]); });
        tools.appendChild(button);
      });
      row.appendChild(tools);
      showOptions(row);
    }

    rows().forEach(enhance);
    addRow.hidden = false;
    addRow.querySelector("button").addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var holder = document.createElement("div");
      holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));  // the server's own markup
      var row = holder.querySelector("[data-field-row]");
      rowsBox.appendChild(row);
      total.value = String(index + 1);
      enhance(row);
      input(row, "label").focus();
      renderPreview();
    });
    builder.addEventListener("input", function () { renumber(); renderPreview(); });
    builder.addEventListener("change", function (event) {
      var row = event.target.closest("[data-field-row]");
      if (row) { showOptions(row); }
      renumber();
      renderPreview();
    });
    preview.hidden = false;
    renumber();
    renderPreview();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-form-builder]").forEach(init);
  });
})();
