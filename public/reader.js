// The readers' pages' one script (docs/decisions/0024). The pages come without React in the
// browser: everything is in their HTML, and this adds what only code can do. A chart, once near
// the screen, gets its tooltips and keys: a bar chart is read bar by bar with the arrow keys,
// Home and End, or the mouse; a timeline report by report. The embed code panel switches
// between the live and the pinned code and copies it. No dependencies; the figures come from
// the JSON written beside each chart.
(function () {
  "use strict";

  function figuresOf(chart) {
    var data = chart.querySelector("script[data-chart-tooltips]");
    try {
      return JSON.parse((data && data.textContent) || "{}");
    } catch {
      return {};
    }
  }

  function readOut(figure) {
    return figure.label + ": " + figure.display + ", " + figure.date + ", " + figure.source;
  }

  function span(text, className) {
    var element = document.createElement("span");
    element.className = className;
    element.textContent = text;
    return element;
  }

  // The tooltip of one chart box: the figures at the active mark, under that mark.
  function tooltip(box) {
    var tip = document.createElement("div");
    tip.className = "chart-tip";
    tip.hidden = true;
    box.appendChild(tip);
    return {
      show: function (figures, mark, alignRight) {
        tip.replaceChildren.apply(
          tip,
          figures.map(function (figure) {
            var entry = document.createElement("p");
            entry.append(
              span(figure.label, "chart-tip-label"),
              span(figure.display, "chart-tip-value"),
              span(figure.date + " · " + figure.source, "chart-tip-source"),
            );
            return entry;
          }),
        );
        tip.hidden = false;
        var outer = box.getBoundingClientRect();
        var inner = mark.getBoundingClientRect();
        tip.style.top = inner.bottom - outer.top + 6 + "px";
        if (alignRight) {
          tip.style.right = "0";
          tip.style.left = "auto";
        } else {
          var left = Math.min(inner.left - outer.left, outer.width - tip.offsetWidth);
          tip.style.left = Math.max(0, left) + "px";
          tip.style.right = "auto";
        }
      },
      hide: function () {
        tip.hidden = true;
      },
    };
  }

  // Which position the key leads to from `current` among `count`; null when the key is not ours.
  function nextIndex(key, current, count) {
    if (key === "ArrowDown" || key === "ArrowRight") return Math.min(current + 1, count - 1);
    if (key === "ArrowUp" || key === "ArrowLeft") return Math.max(current - 1, 0);
    if (key === "Home") return 0;
    if (key === "End") return count - 1;
    return null;
  }

  // Moves through `count` positions with the keys, from the element that has the focus.
  function keyboard(focusable, count, current, activate) {
    focusable.addEventListener("keydown", function (event) {
      var next = nextIndex(event.key, current() === null ? -1 : current(), count);
      if (next === null) return;
      event.preventDefault();
      activate(next);
    });
    focusable.addEventListener("focus", function () {
      activate(current() === null ? 0 : current());
    });
    focusable.addEventListener("blur", function () {
      activate(null);
    });
  }

  // A bar panel: the box is one focusable group, its bars the positions.
  function barPanel(box, figures) {
    var bars = Array.prototype.slice.call(box.querySelectorAll("[data-figure-id]"));
    var readout =
      box.nextElementSibling && box.nextElementSibling.hasAttribute("aria-live") ? box.nextElementSibling : null;
    var tip = tooltip(box);
    var active = null;
    function activate(index) {
      if (active !== null) bars[active].classList.remove("chart-bar-active");
      active = index;
      var figure = index === null ? null : figures[bars[index].getAttribute("data-figure-id")];
      if (!figure) {
        tip.hide();
        if (readout) readout.textContent = "";
        return;
      }
      bars[index].classList.add("chart-bar-active");
      tip.show([figure], bars[index], true);
      if (readout) readout.textContent = readOut(figure);
    }
    keyboard(
      box,
      bars.length,
      function () {
        return active;
      },
      activate,
    );
    bars.forEach(function (bar, index) {
      bar.addEventListener("mouseenter", function () {
        activate(index);
      });
    });
    box.addEventListener("mouseleave", function () {
      activate(null);
    });
  }

  // A timeline: the SVG is focusable, the positions are its dates (the points one above another).
  function timeline(box, figures) {
    var svg = box.querySelector("svg");
    var columns = [];
    Array.prototype.forEach.call(box.querySelectorAll("[data-figure-id]"), function (point) {
      var x = Math.round(Number(point.getAttribute("cx")));
      var column = columns.filter(function (candidate) {
        return candidate.x === x;
      })[0];
      if (!column) columns.push((column = { x: x, points: [] }));
      column.points.push(point);
    });
    columns.sort(function (a, b) {
      return a.x - b.x;
    });
    var tip = tooltip(box);
    var active = null;
    function mark(index, radius) {
      columns[index].points.forEach(function (point) {
        point.setAttribute("r", radius);
      });
    }
    function activate(index) {
      if (active !== null) mark(active, 4);
      active = index;
      if (index === null) return tip.hide();
      mark(index, 6);
      var shown = columns[index].points
        .map(function (point) {
          return figures[point.getAttribute("data-figure-id")];
        })
        .filter(Boolean);
      tip.show(shown, columns[index].points[0], false);
    }
    if (!svg || columns.length === 0) return;
    keyboard(
      svg,
      columns.length,
      function () {
        return active;
      },
      activate,
    );
    columns.forEach(function (column, index) {
      column.points.forEach(function (point) {
        point.addEventListener("mouseenter", function () {
          activate(index);
        });
      });
    });
    box.addEventListener("mouseleave", function () {
      if (document.activeElement !== svg) activate(null);
    });
  }

  function wire(chart) {
    var figures = figuresOf(chart);
    Array.prototype.forEach.call(chart.querySelectorAll(".chart-box"), function (box) {
      if (box.getAttribute("role") === "group") barPanel(box, figures);
      else timeline(box, figures);
      box.setAttribute("data-interactive", "true");
    });
  }

  // Each chart is made interactive when it comes near the screen, as an embed's is.
  var charts = document.querySelectorAll("[data-chart]");
  if ("IntersectionObserver" in window) {
    var observer = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          observer.unobserve(entry.target);
          wire(entry.target);
        });
      },
      { rootMargin: "300px 0px" },
    );
    Array.prototype.forEach.call(charts, function (chart) {
      observer.observe(chart);
    });
  } else {
    Array.prototype.forEach.call(charts, wire);
  }

  // The embed code panel: the chosen version's code, and a copy button.
  Array.prototype.forEach.call(document.querySelectorAll("[data-embed-code]"), function (panel) {
    var code = panel.querySelector("textarea[data-live]");
    var preview = panel.querySelector("a[data-live]");
    var status = panel.querySelector("[role=status]");
    var copy = panel.querySelector("button");
    if (!code) return;
    function choose() {
      var pinned = panel.querySelector("input[value=pinned]:checked") !== null;
      code.value = code.getAttribute(pinned ? "data-pinned" : "data-live");
      if (preview) preview.setAttribute("href", preview.getAttribute(pinned ? "data-pinned" : "data-live"));
      if (status) status.textContent = "";
    }
    choose();
    panel.addEventListener("change", choose);
    code.addEventListener("focus", function () {
      code.select();
    });
    if (copy && navigator.clipboard) {
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(code.value).then(function () {
          if (status) status.textContent = "Copied.";
        });
      });
    }
  });
})();
