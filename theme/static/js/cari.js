/* Starts Pagefind's search UI on /cari/ and /en/cari/. The index covers the report pages,
   which are in Indonesian; the English page keeps English UI texts but searches that index.
   ?q=… in the address starts a search, so a search can be linked to. */
(function () {
  "use strict";
  var element = document.getElementById("search");
  if (!element) {
    return;
  }
  if (typeof window.PagefindUI !== "function") {
    // No index yet (a site without public reports): say so instead of an empty box.
    var unavailable = document.getElementById("search-unavailable");
    if (unavailable) {
      unavailable.hidden = false;
    }
    return;
  }
  var ui = new window.PagefindUI({
    element: "#search",
    bundlePath: element.getAttribute("data-bundle"),
    baseUrl: element.getAttribute("data-base-url") || "/",
    showSubResults: false,
    showImages: false,
    resetStyles: false,
  });
  // Pagefind's box has only a placeholder; give it a visible label (WCAG 3.3.2, axe label-title-only).
  function labelInput() {
    var input = element.querySelector("input");
    if (!input || input.id) {
      return !!input;
    }
    input.id = "search-input";
    var label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "search-label";
    label.textContent = element.getAttribute("data-label") || input.getAttribute("placeholder") || "";
    element.insertBefore(label, element.firstChild);
    return true;
  }
  if (!labelInput() && window.MutationObserver) {
    var observer = new MutationObserver(function () {
      if (labelInput()) {
        observer.disconnect();
      }
    });
    observer.observe(element, { childList: true, subtree: true });
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
