// The embeds' interactive layer, loaded once a chart is on screen: every mark that draws a
// figure becomes focusable, and hovering or focusing it shows the figure with its date and
// source. No dependencies; the figures come from the page's own #chart-data.
(function () {
  "use strict";
  var dataElement = document.getElementById("chart-data");
  if (!dataElement) return;
  var figures = JSON.parse(dataElement.textContent || "{}");
  var tip = document.createElement("div");
  tip.className = "tip";
  tip.hidden = true;
  tip.setAttribute("role", "status");
  document.body.appendChild(tip);

  function line(text, bold) {
    var element = document.createElement(bold ? "strong" : "div");
    element.textContent = text;
    if (bold) element.style.display = "block";
    return element;
  }

  function show(mark, figure) {
    tip.replaceChildren(line(figure.label, true), line(figure.display), line(figure.date + " · " + figure.source));
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var left = Math.min(
      window.scrollX + box.left,
      window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4,
    );
    tip.style.left = Math.max(4, left) + "px";
    tip.style.top = window.scrollY + box.bottom + 6 + "px";
  }

  function hide() {
    tip.hidden = true;
  }

  var marks = document.querySelectorAll("[data-figure-id]");
  Array.prototype.forEach.call(marks, function (mark) {
    var figure = figures[mark.getAttribute("data-figure-id")];
    if (!figure) return;
    mark.setAttribute("tabindex", "0");
    mark.setAttribute("role", "img");
    mark.setAttribute("aria-label", figure.label + ": " + figure.display + ", " + figure.date + ", " + figure.source);
    mark.addEventListener("mouseenter", function () {
      show(mark, figure);
    });
    mark.addEventListener("focus", function () {
      show(mark, figure);
    });
    mark.addEventListener("mouseleave", hide);
    mark.addEventListener("blur", hide);
  });
  document.documentElement.setAttribute("data-interactive", "true");
})();
