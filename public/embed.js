// For pages that embed Operation Venetic charts: sizes each of our iframes to its content.
// It listens only to messages whose source is one of our iframes, and only reads a height.
// The iframes work without it (at their initial height) when a host strips scripts.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__veneticEmbeds) return;
  window.__veneticEmbeds = true;
  var origin = new URL(script.src).origin;

  function ourFrame(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source && frames[i].src.indexOf(origin + "/embed/") === 0) return frames[i];
    }
    return null;
  }

  function heightOf(data) {
    if (data && typeof data === "object" && data["datawrapper-height"]) {
      for (var key in data["datawrapper-height"]) return Number(data["datawrapper-height"][key]);
    }
    return NaN;
  }

  // Embeds that loaded before this script told their height to nobody: ask them again.
  var frames = document.getElementsByTagName("iframe");
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].src.indexOf(origin + "/embed/") === 0 && frames[i].contentWindow) {
      frames[i].contentWindow.postMessage("venetic-embed:height?", origin);
    }
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var frame = ourFrame(event.source);
    var height = heightOf(event.data);
    if (frame && height > 0 && height < 20000) frame.style.height = Math.ceil(height) + "px";
  });
})();
