// Handboek interne klant: small keyboard fixes on top of Material for MkDocs.
document.addEventListener("DOMContentLoaded", () => {
  // The list of search results may take focus (to scroll it) only while the
  // search is open. Material closes the search when Tab is pressed in the box,
  // so on that key the list leaves the Tab order before the browser moves on.
  const input = document.querySelector(".md-search__input");
  const results = document.querySelector("[data-hb-results]");
  if (input && results) {
    input.addEventListener("focus", () => { results.tabIndex = 0; });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Tab") results.tabIndex = -1;
    }, true);
  }
  // On a phone or tablet Material opens the menu and the search with labels,
  // which the Tab key skips. Make them buttons for the keyboard as well.
  const buttons = [["__drawer", "Menu openen"], ["__search", "Zoeken openen"]];
  for (const [toggle, name] of buttons) {
    const label = document.querySelector(`label.md-header__button[for="${toggle}"]`);
    if (!label) continue;
    label.tabIndex = 0;
    label.setAttribute("role", "button");
    label.setAttribute("aria-label", name);
    label.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        // Material clicks a focused label on Enter itself; stop that, or the menu would open and close at once.
        event.preventDefault();
        event.stopPropagation();
        label.click();
        // An opened search starts in its box, as it does on a wide screen.
        const box = document.getElementById(toggle);
        if (toggle === "__search" && box && box.checked && input) input.focus();
      }
    });
  }
});
