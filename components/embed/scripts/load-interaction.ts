/**
 * Inlined in every embed but the static ones: loads the interactive layer only once the chart
 * scrolls into view, so the embeds further down an article cost nothing until they are read.
 */
import { INTERACTION_SCRIPT } from "./shared";

function loadInteraction(): void {
  const script = document.createElement("script");
  script.src = INTERACTION_SCRIPT;
  document.body.appendChild(script);
}

const chart = document.querySelector(".chart");
if (chart && !("IntersectionObserver" in window)) loadInteraction();
else if (chart) {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    loadInteraction();
  });
  observer.observe(chart);
}
