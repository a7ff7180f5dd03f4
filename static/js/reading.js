// Follows the worker's reading of a long source: moves the progress bar, then opens the
// review queue when the text is read. Without JavaScript, "Check again" reloads the page.
(function () {
  "use strict";
  const section = document.querySelector("[data-progress-url]");
  if (!section) return;
  const bar = section.querySelector("progress");
  const state = section.querySelector(".reading-state");

  async function poll() {
    let data;
    try {
      const response = await fetch(section.dataset.progressUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      data = await response.json();
    } catch (error) {
      setTimeout(poll, 5000);
      return;
    }
    if (data.state === "done" || data.state === "failed") {
      window.location.reload();
      return;
    }
    bar.value = data.percent;
    bar.textContent = `${data.percent}%`;
    state.textContent = `${data.percent}% (${data.label || "waiting for the worker"})`;
    setTimeout(poll, 1000);
  }

  setTimeout(poll, 1000);
})();
