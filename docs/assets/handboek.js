// Handboek interne klant: small keyboard fixes on top of Material for MkDocs.
const firstVisible = (selector) => {
  const found = [...document.querySelectorAll(selector)].find((el) => el.checkVisibility({visibilityProperty: true}));
  if (found) found.focus();
};

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
  const labels = buttons.map(([toggle, name]) => [document.querySelector(`label.md-header__button[for="${toggle}"]`), toggle, name]);
  // In the menu, the arrow above a sub-menu goes back up one level.
  for (const back of document.querySelectorAll('.md-nav--primary .md-nav[data-md-level="1"] > label.md-nav__title[for]')) {
    labels.push([back, back.htmlFor, `${back.textContent.replace(/\s+/g, " ").trim()}: terug naar het hoofdmenu`]);
  }
  for (const [label, toggle, name] of labels) {
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
        // An opened menu starts at its first link; back in the main menu, at the sub-menu just left.
        if (toggle === "__drawer" && box && box.checked) firstVisible(".md-nav--primary :is(a[href], label[role=button])");
        if (toggle.startsWith("__nav_")) firstVisible(`.md-nav--primary label[for="${toggle}"] ~ a, .md-nav--primary input#${toggle} ~ .md-nav__container > a`);
      }
    });
  }
  // In the phone menu a section without its own page ("De methode", "Ons werk") opens with a
  // label as well. Make those buttons too, but only while the menu is a drawer: on a wide
  // screen the same labels are plain headings above links that are already shown.
  const drawerMode = window.matchMedia("(max-width: 76.234375em)");
  const sections = [...document.querySelectorAll('.md-nav--primary > .md-nav__list > .md-nav__item--nested > label.md-nav__link[for^="__nav_"]')];
  const setSections = () => {
    for (const label of sections) {
      if (drawerMode.matches) {
        label.tabIndex = 0;
        label.setAttribute("role", "button");
      } else {
        label.removeAttribute("tabindex");
        label.removeAttribute("role");
      }
    }
  };
  setSections();
  drawerMode.addEventListener("change", setSections);
  for (const label of sections) {
    label.addEventListener("keydown", (event) => {
      if (!drawerMode.matches || (event.key !== "Enter" && event.key !== " ")) return;
      event.preventDefault();
      event.stopPropagation();
      label.click();
      firstVisible(`.md-nav[aria-labelledby="${label.id}"] :is(a[href], label[role=button])`);
    });
  }
  // The open menu closes when focus leaves it, or on Escape (back to the menu button),
  // so that focus never goes on behind the grey layer over the page.
  const drawer = document.getElementById("__drawer");
  const sidebar = document.querySelector(".md-sidebar--primary");
  const menuButton = labels[0][0];
  if (drawer && sidebar) {
    sidebar.addEventListener("focusout", (event) => {
      if (drawer.checked && event.relatedTarget && !sidebar.contains(event.relatedTarget)) drawer.click();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        if (menuButton) menuButton.focus();
      }
    });
  }
});

// /actiepunten/ shows every point once: the other views ("per persoon", "per stap") are folded away.
// On a wide screen they open, because there they fit beside each other in tables.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.matchMedia("(min-width: 60em)").matches) return;
  for (const view of document.querySelectorAll("details.hb-view")) view.open = true;
});
