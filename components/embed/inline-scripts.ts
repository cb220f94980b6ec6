/**
 * The embed's own JavaScript, inlined and tiny. It tells the host page the embed's height
 * whenever it changes, in the formats hosts already listen for: Datawrapper's
 * {"datawrapper-height": {id: h}}, AMP's embed-size, Pym.js's string, and the
 * "iframe.resize" message of Medium and Embedly. Heights are not secret, so any parent may
 * read them, and it says it again when /embed.js (which may load after the embed) asks. Then,
 * once the chart is on screen, it loads the tooltip script.
 */
import { createHash } from "node:crypto";

/** What /embed.js sends an embed that loaded before it did, so that it says its height again. */
const ASK_HEIGHT = "venetic-embed:height?";

function resizeScript(chartId: string): string {
  return `(function(){var id=new URLSearchParams(location.search).get("childId")||${JSON.stringify(chartId)},last=0,p=window.parent;
function send(){var h=Math.ceil(document.documentElement.getBoundingClientRect().height);if(!h||h===last||p===window)return;last=h;var dw={};dw[id]=h;
p.postMessage({"datawrapper-height":dw},"*");p.postMessage({sentinel:"amp",type:"embed-size",height:h},"*");
p.postMessage("pymxPYMx"+id+"xPYMxheightxPYMx"+h,"*");p.postMessage(JSON.stringify({src:location.href,context:"iframe.resize",height:h}),"*")}
if(window.ResizeObserver){var o=new ResizeObserver(send);o.observe(document.documentElement);o.observe(document.body)}
addEventListener("load",send);addEventListener("resize",send);document.addEventListener("toggle",send,true);
addEventListener("message",function(e){if(e.source===p&&e.data===${JSON.stringify(ASK_HEIGHT)}){last=0;send()}});send()})();`;
}

/** Loads the interactive layer only when the chart scrolls into view. */
const LAZY_INTERACTION_SCRIPT = `(function(){var c=document.querySelector(".chart");if(!c)return;function load(){var s=document.createElement("script");s.src="/embed-chart.js";document.body.appendChild(s)}
if(!window.IntersectionObserver)return load();var o=new IntersectionObserver(function(e){if(e.some(function(x){return x.isIntersecting})){o.disconnect();load()}});o.observe(c)})();`;

/** A script's text, and the SHA-256 (base64) by which the embed's CSP allows it. */
export type InlineScript = { text: string; hash: string };

/** The resize script; and, unless the embed is static, the loader of the tooltips. */
export type EmbedScripts = { resize: InlineScript; loadInteraction: InlineScript | null };

function inline(text: string): InlineScript {
  return { text, hash: createHash("sha256").update(text, "utf8").digest("base64") };
}

const resizeScripts = new Map<string, InlineScript>();
let loadInteraction: InlineScript | undefined;

/** The scripts an embed of this chart carries, each hashed once, as it is made. */
export function embedScripts(chartId: string, interactive: boolean): EmbedScripts {
  let resize = resizeScripts.get(chartId);
  if (!resize) resizeScripts.set(chartId, (resize = inline(resizeScript(chartId))));
  if (!interactive) return { resize, loadInteraction: null };
  loadInteraction ??= inline(LAZY_INTERACTION_SCRIPT);
  return { resize, loadInteraction };
}
