/* Stands in for Pagefind's own pagefind.js, which PagefindUI imports from its bundlePath (cari.js
   points it here). It loads the real module from the primary bundle (window.aduanSearch.primary,
   set by cari.js) and passes every call through, but drops the results that shards.json lists
   as hidden: a month bundle's fragments of report pages that the small "recent" bundle holds
   anew (plugins/aduan_site/search.py). A changed report is then found once, by its new text.

   Pagefind names a fragment after a short hash of its content, so two pages of different
   bundles may share an id: a result whose id is hidden is only dropped once its fragment says it
   is the hidden page (or cannot be loaded: the build deletes a hidden fragment). When the recent
   bundle's fragment is the very same one ("same"), one of the two results is kept. The filter
   counts, which the month bundles still make with the old fragments, are corrected too. */
const setup = window.aduanSearch || { primary: "", hidden: [] };
const real = import(setup.primary + "pagefind.js");
const hidden = new Map();
for (const entry of setup.hidden || []) {
  if (!hidden.has(entry.id)) {
    hidden.set(entry.id, []);
  }
  hidden.get(entry.id).push(entry);
}

function subtract(counts, filters) {
  if (!counts || !filters) {
    return;
  }
  for (const [name, values] of Object.entries(filters)) {
    for (const value of values) {
      if (counts[name] && typeof counts[name][value] === "number") {
        counts[name][value] = Math.max(0, counts[name][value] - 1);
      }
    }
  }
}

// The hidden entry a result stands for, or null if the result is another page (or must be kept).
async function hiddenEntry(result, kept) {
  const entries = hidden.get(result.id);
  if (!entries) {
    return null;
  }
  let data;
  try {
    data = await result.data();
  } catch (error) {
    return entries[0];
  }
  const url = data && (data.raw_url || data.url);
  const entry = entries.find((e) => e.url === url);
  if (!entry) {
    return null;
  }
  if (entry.same && !kept.has(url)) {
    kept.add(url);
    return null;
  }
  return entry;
}

async function clean(response) {
  if (!response || !Array.isArray(response.results) || !hidden.size) {
    return response;
  }
  const kept = new Set();
  const verdicts = await Promise.all(
    response.results.map((result) => (hidden.has(result.id) ? hiddenEntry(result, kept) : null)),
  );
  const results = [];
  let dropped = 0;
  response.results.forEach((result, n) => {
    if (verdicts[n] === null) {
      results.push(result);
    } else {
      dropped += 1;
      subtract(response.filters, verdicts[n].filters);
      subtract(response.totalFilters, verdicts[n].filters);
    }
  });
  const unfiltered = response.unfilteredResultCount;
  return {
    ...response,
    results,
    unfilteredResultCount: typeof unfiltered === "number" ? Math.max(0, unfiltered - dropped) : unfiltered,
  };
}

export async function options(value) {
  return (await real).options(value);
}
export async function init() {
  return (await real).init();
}
export async function destroy() {
  return (await real).destroy();
}
export async function mergeIndex(path, value) {
  return (await real).mergeIndex(path, value);
}
export async function preload(term, value) {
  return (await real).preload(term, value);
}
export async function search(term, value) {
  return clean(await (await real).search(term, value));
}
export async function debouncedSearch(term, value, timeout) {
  const response = await (await real).debouncedSearch(term, value, timeout);
  return response === null ? null : clean(response);
}
export async function filters() {
  const counts = await (await real).filters();
  for (const entries of hidden.values()) {
    for (const entry of entries) {
      subtract(counts, entry.filters);
    }
  }
  return counts;
}
