// Language tabs on the message forms: without this script every language shows; with it, one at a
// time, arrow keys (and Home/End) move between tabs, and a tab holding an error opens first.
(function () {
  function init(root) {
    const list = root.querySelector('[role="tablist"]');
    const tabs = Array.from(root.querySelectorAll('[role="tab"]'));
    const panel = (tab) => document.getElementById(tab.getAttribute("aria-controls"));
    function select(index, focus) {
      tabs.forEach((tab, i) => {
        const on = i === index;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.tabIndex = on ? 0 : -1;
        panel(tab).hidden = !on;
      });
      if (focus) {
        tabs[index].focus();
      }
    }
    tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => select(i, false));
      tab.addEventListener("keydown", (event) => {
        const keys = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
        if (event.key in keys) {
          event.preventDefault();
          select((keys[event.key] + tabs.length) % tabs.length, true);
        }
      });
    });
    list.hidden = false;
    const withError = tabs.findIndex((tab) => panel(tab).querySelector(".usa-input--error"));
    select(withError < 0 ? 0 : withError, false);
  }
  document.querySelectorAll("[data-language-tabs]").forEach(init);
})();
