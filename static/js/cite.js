// "Copy" beside a citation. Without JavaScript the citation is still there to select.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-copy-target]").forEach((button) => {
      const source = document.getElementById(button.dataset.copyTarget);
      if (!source || !navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(source.textContent.trim());
          button.textContent = "Copied";
        } catch (error) {
          button.textContent = "Select the text to copy it";
        }
        setTimeout(() => { button.textContent = "Copy citation"; }, 2500);
      });
    });
  });
})();
