/* Aduan: helpers shared by lapor.js and lacak.js. Plain JavaScript, no framework.
   Pages work without it; with it, forms validate inline and talk JSON to the API. */
(function () {
  "use strict";

  var node = document.getElementById("aduan-data");
  var data = node ? JSON.parse(node.textContent) : { messages: {}, status: {}, kind: {}, event: {}, agencies: {}, lang: "id" };

  function msg(key, n) {
    var text = data.messages[key] || key;
    return n === undefined ? text : text.replace("{n}", String(n));
  }

  function errorNode(form, name) {
    return form.querySelector('[data-error-for="' + name + '"]');
  }

  function controls(form, name) {
    var found = form.elements[name];
    if (!found) return [];
    return found.length !== undefined && !found.tagName ? Array.prototype.slice.call(found) : [found];
  }

  function describe(control, id, add) {
    var ids = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) {
      return x && x !== id;
    });
    if (add) ids.push(id);
    if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
    else control.removeAttribute("aria-describedby");
  }

  // Show `message` beside the field `name` (or clear it when message is empty).
  function setError(form, name, message) {
    var node = errorNode(form, name);
    if (!node) {
      // The API may name nested fields ("location.kecamatan"); fall back to the last part.
      var last = name.split(".").pop();
      if (last !== name) return setError(form, last, message);
      return false;
    }
    node.textContent = message || "";
    node.hidden = !message;
    controls(form, name).forEach(function (control) {
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
      describe(control, node.id, !!message);
    });
    return true;
  }

  function clearErrors(form, summary) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-error-for]"), function (node) {
      setError(form, node.getAttribute("data-error-for"), "");
    });
    if (summary) {
      summary.textContent = "";
      summary.hidden = true;
    }
  }

  function showSummary(summary, text) {
    summary.textContent = text;
    summary.hidden = false;
    summary.focus();
  }

  // Errors come as {"Code", "Message", "Fields": {"field": "message"}}.
  function showApiError(form, summary, response) {
    var body = response.body || {};
    var fields = body.Fields || {};
    Object.keys(fields).forEach(function (name) {
      setError(form, name, fields[name]);
    });
    showSummary(summary, body.Message || msg("network"));
  }

  // Resolves to {status, ok, body}; rejects only when the network fails.
  function request(method, url, body) {
    // On the English site the API answers errors in English (chalicelib/web.py).
    if (data.lang === "en") url += (url.indexOf("?") < 0 ? "?" : "&") + "lang=en";
    var options = { method: method, headers: { Accept: "application/json" } };
    if (window.FormData && body instanceof window.FormData) {
      options.body = body; // multipart, with its files: the browser sets the boundary
    } else if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (response) {
      return response.text().then(function (text) {
        var parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
        return { status: response.status, ok: response.ok, body: parsed };
      });
    });
  }

  function value(form, name) {
    var control = form.elements[name];
    return control ? String(control.value || "").trim() : "";
  }

  function formatDate(iso) {
    if (!iso) return "–";
    try {
      var parts = iso.split("-");
      var day = new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]));
      return new Intl.DateTimeFormat(data.lang === "en" ? "en-GB" : "id-ID", { dateStyle: "long", timeZone: "UTC" }).format(day);
    } catch (e) {
      return iso;
    }
  }

  window.Aduan = {
    data: data,
    msg: msg,
    setError: setError,
    clearErrors: clearErrors,
    showSummary: showSummary,
    showApiError: showApiError,
    request: request,
    value: value,
    formatDate: formatDate
  };
})();
