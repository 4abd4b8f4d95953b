/* Starts Pagefind's search UI on /cari/ and /en/cari/. The index is in shards, one Pagefind
   bundle per month of reports and a small one of the pages changed since their month was
   indexed (plugins/aduan_site/search.py), listed in shards.json: the first month is the primary
   index and the others are merged into it (Pagefind's mergeIndex). The UI loads Pagefind through
   js/pagefind/pagefind.js, which drops the months' stale results that shards.json lists as
   hidden. A shard that cannot be loaded (gone since shards.json was read) is left out, and the
   search works over the rest. The index covers the report pages, which are in Indonesian; the English page
   keeps English UI texts but searches that index. ?q=… in the address starts a search, so a
   search can be linked to. */
(function () {
  "use strict";
  var element = document.getElementById("search");
  if (!element) {
    return;
  }
  function unavailable() {
    // No index yet (a site without public reports): say so instead of an empty box.
    var message = document.getElementById("search-unavailable");
    if (message) {
      message.hidden = false;
    }
  }
  if (typeof window.PagefindUI !== "function" || typeof window.fetch !== "function") {
    unavailable();
    return;
  }
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
  function watchForInput() {
    if (!labelInput() && window.MutationObserver) {
      var observer = new MutationObserver(function () {
        if (labelInput()) {
          observer.disconnect();
        }
      });
      observer.observe(element, { childList: true, subtree: true });
    }
  }
  var bundle = element.getAttribute("data-bundle");
  var hidden = [];
  function usable(shard) {
    return fetch(bundle + shard + "pagefind-entry.json", { cache: "no-cache" })
      .then(function (response) {
        return response.ok ? shard : null;
      })
      .catch(function () {
        return null;
      });
  }
  fetch(bundle + "shards.json", { cache: "no-cache" })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("no shards.json");
      }
      return response.json();
    })
    .then(function (listed) {
      hidden = listed.hidden || [];
      return Promise.all((listed.shards || []).map(usable));
    })
    .then(function (found) {
      var shards = found.filter(Boolean);
      // The recent shard has no loader of its own: never the primary index.
      var primary = shards.filter(function (shard) {
        return shard.indexOf("recent-") !== 0;
      })[0];
      if (!primary) {
        unavailable();
        return;
      }
      window.aduanSearch = { primary: bundle + primary, hidden: hidden };
      var ui = new window.PagefindUI({
        element: "#search",
        bundlePath: element.getAttribute("data-loader"),
        mergeIndex: shards.filter(function (shard) {
          return shard !== primary;
        }).map(function (shard) {
          return { bundlePath: bundle + shard };
        }),
        baseUrl: element.getAttribute("data-base-url") || "/",
        showSubResults: false,
        showImages: false,
        resetStyles: false,
      });
      watchForInput();
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) {
        ui.triggerSearch(query);
      }
    })
    .catch(unavailable);
})();
