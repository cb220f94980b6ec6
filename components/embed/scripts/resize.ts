/**
 * Inlined in every embed: tells the host page the embed's height whenever it changes, in the
 * formats hosts already listen for: Datawrapper's {"datawrapper-height": {id: h}}, AMP's
 * embed-size, Pym.js's string, and the "iframe.resize" message of Medium and Embedly. Heights
 * are not secret, so any parent may read them; it says its height again when /embed.js (which
 * may load after the embed) asks.
 */
import { ASK_HEIGHT } from "./shared";

/** The chart's id, written in as a string literal when an embed is rendered (../inline-scripts.ts). */
declare const EMBED_CHART_ID: string;

// Pym.js and Datawrapper hosts name their frame with ?childId=; otherwise the chart names it.
const id = new URLSearchParams(location.search).get("childId") || EMBED_CHART_ID;
const host = window.parent;
let told = 0;

function tellHeight(): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (!height || height === told || host === window) return;
  told = height;
  host.postMessage({ "datawrapper-height": { [id]: height } }, "*");
  host.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
  host.postMessage(`pymxPYMx${id}xPYMxheightxPYMx${height}`, "*");
  host.postMessage(JSON.stringify({ src: location.href, context: "iframe.resize", height }), "*");
}

if ("ResizeObserver" in window) {
  const observer = new ResizeObserver(tellHeight);
  observer.observe(document.documentElement);
  observer.observe(document.body);
}
addEventListener("load", tellHeight);
addEventListener("resize", tellHeight);
// Opening "Show the data" changes the height without resizing the frame.
document.addEventListener("toggle", tellHeight, true);
addEventListener("message", (event) => {
  if (event.source !== host || event.data !== ASK_HEIGHT) return;
  told = 0;
  tellHeight();
});
tellHeight();
