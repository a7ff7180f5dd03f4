// Offers matches in a text box's list as the user types (a few at a time, from
// /pick/<kind>/?q=…), so that a form never lists every source, outlet, topic or claimant.
(function () {
  "use strict";
  function attach(input) {
    const list = document.getElementById(input.getAttribute("list"));
    let timer = null;
    let asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(async function () {
        const typed = input.value.trim();
        if (typed.length < 2 || typed === asked) return;
        asked = typed;
        const url = input.dataset.pickUrl + "?q=" + encodeURIComponent(typed);
        let data;
        try {
          const response = await fetch(url, { headers: { Accept: "application/json" } });
          if (!response.ok) return;
          data = await response.json();
        } catch (error) {
          return; // typing a whole name or slug still works
        }
        list.replaceChildren(
          ...data.results.map(function (match) {
            const option = document.createElement("option");
            option.value = match.value;
            option.label = match.label;
            option.textContent = match.label;
            return option;
          }),
        );
      }, 200);
    });
  }

  document.querySelectorAll("input[data-pick-url]").forEach(attach);
})();
