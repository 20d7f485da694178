/*
 * Listen-live strip: swaps the native <audio controls> for one play/pause button
 * whose accessible name says what pressing it will do. Never autoplays.
 */
(function () {
  "use strict";

  function setUp(strip) {
    var audio = strip.querySelector("[data-radio-audio]");
    var button = strip.querySelector("[data-radio-button]");
    var label = strip.querySelector("[data-radio-label]");
    var status = strip.querySelector("[data-radio-status]");
    var station = strip.getAttribute("data-station") || "the station";
    if (!audio || !button || !label || !status) return;

    function show(state) {
      var playing = state === "playing";
      strip.setAttribute("data-state", state);
      label.textContent = (playing ? "Pause " : "Play ") + station + (playing ? "" : " live");
    }

    function fail() {
      show("error");
      status.textContent = "Sorry, " + station + " can't be reached right now. Please try again later.";
    }

    audio.removeAttribute("controls");
    button.hidden = false;
    show("paused");

    button.addEventListener("click", function () {
      if (audio.paused) {
        status.textContent = "";
        show("loading");
        var attempt = audio.play();
        if (attempt && typeof attempt.catch === "function") {
          attempt.catch(function (error) {
            if (error && error.name === "AbortError") return;
            fail();
          });
        }
      } else {
        audio.pause();
      }
    });
    audio.addEventListener("playing", function () {
      status.textContent = "";
      show("playing");
    });
    audio.addEventListener("pause", function () {
      if (strip.getAttribute("data-state") !== "error") show("paused");
    });
    audio.addEventListener("error", fail);
  }

  function init() {
    var strips = document.querySelectorAll("[data-radio]");
    for (var i = 0; i < strips.length; i++) setUp(strips[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
