// Keyboard shortcuts for the review queue. The page works without this: every action is a
// plain form button. j/k move between suggestions, 1–3 link, n new claim, d dismiss, e edit,
// u undo the last link or dismissal. Enter in a field never links: the form's default button
// is disabled.
(function () {
  "use strict";
  const items = () => Array.from(document.querySelectorAll("li.candidate"));
  let current = -1;

  function focusItem(index) {
    const list = items();
    if (!list.length) return;
    current = Math.max(0, Math.min(index, list.length - 1));
    list.forEach((item, i) => item.classList.toggle("current", i === current));
    list[current].focus();
    list[current].scrollIntoView({ block: "nearest" });
  }

  function press(key) {
    const item = items()[current];
    const button = item && item.querySelector(`[data-shortcut="${key}"]`);
    if (button) button.click();
  }

  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) {
      if (typing && event.key === "Escape") event.target.blur();
      return;
    }
    if (event.key === "j") focusItem(current + 1);
    else if (event.key === "k") focusItem(current - 1);
    else if ("123nd".includes(event.key) && current >= 0) press(event.key);
    else if (event.key === "u") {
      const undo = document.querySelector('form.undo [data-shortcut="u"]');
      if (undo) undo.click();
    }
    else if (event.key === "e" && current >= 0) {
      event.preventDefault();
      items()[current].querySelector('input[name="value"]').focus();
    } else return;
    event.preventDefault();
  });

  // After an action the page comes back at #after-<end>: start at the next suggestion.
  document.addEventListener("DOMContentLoaded", () => {
    const match = location.hash.match(/^#after-(\d+)$/);
    if (!match) return;
    const end = Number(match[1]);
    const next = items().findIndex((item) => Number(item.dataset.end) > end);
    if (next >= 0) focusItem(next);
  });
})();
