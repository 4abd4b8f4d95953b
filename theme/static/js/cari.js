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
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
