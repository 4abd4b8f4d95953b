/* The tracking page: look a report up with the JSON API and show it here; send the
   reporter's additional information and resolution feedback as JSON. Without this script
   each form goes to an API URL that answers with HTML. */
(function () {
  "use strict";
  var A = window.Aduan;
  var trackForm = document.getElementById("track-form");
  if (!trackForm || !A || !window.fetch) return;

  var api = trackForm.getAttribute("data-api");
  var trackError = document.getElementById("track-error");
  var panel = document.getElementById("track-result");

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text; // never innerHTML: the text is the public's
    if (className) node.className = className;
    return node;
  }

  function badge(status, label) {
    return element("span", A.data.status[status] || label || status, "badge badge-" + status);
  }

  function fact(list, term, value) {
    var row = element("div");
    row.appendChild(element("dt", term));
    row.appendChild(element("dd", value || "–"));
    list.appendChild(row);
  }

  function render(report) {
    var words = A.data.labels;
    document.getElementById("track-title").textContent = report.title || report.tracking;
    var status = document.getElementById("track-status");
    status.textContent = "";
    status.appendChild(badge(report.status, report.status_label));

    var facts = document.getElementById("track-facts");
    facts.textContent = "";
    fact(facts, words.tracking, report.tracking);
    fact(facts, words.kind, A.data.kind[report.kind] || report.kind);
    fact(facts, words.agency, report.agency_name || A.data.agencies[report.agency] || "");
    fact(facts, words.submitted, A.formatDate(report.submitted));
    fact(facts, words.updated, A.formatDate(report.updated));

    var timeline = document.getElementById("track-timeline");
    timeline.textContent = "";
    (report.timeline || []).forEach(function (entry) {
      var item = element("li");
      var time = element("time", A.formatDate(entry.date));
      time.setAttribute("datetime", entry.date || "");
      item.appendChild(time);
      item.appendChild(document.createTextNode(" "));
      if ((entry.type || "status") === "status") item.appendChild(badge(entry.status));
      else item.appendChild(element("strong", A.data.event[entry.type] || entry.type));
      if (entry.agency) item.appendChild(element("span", " " + (A.data.agencies[entry.agency] || entry.agency), "agency"));
      if (entry.note) item.appendChild(element("p", entry.note, "note"));
      timeline.appendChild(item);
    });

    var pub = document.getElementById("track-public");
    pub.hidden = !(report.published && report.public_url);
    if (!pub.hidden) {
      pub.firstElementChild.href = report.public_url;
      pub.firstElementChild.textContent = A.msg("public_page");
    }
    panel.hidden = false;
    panel.focus();
  }

  function fillTracking(tracking) {
    ["followup-tracking", "feedback-tracking"].forEach(function (id) {
      var input = document.getElementById(id);
      if (input && !input.value) input.value = tracking;
    });
  }

  function lookup(tracking) {
    A.clearErrors(trackForm, trackError);
    if (!tracking) {
      A.setError(trackForm, "tracking", A.msg("required"));
      return;
    }
    A.request("GET", api + "/reports/" + encodeURIComponent(tracking))
      .then(function (response) {
        if (response.ok && response.body) {
          render(response.body);
          fillTracking(response.body.tracking || tracking);
        } else {
          panel.hidden = true;
          if (response.status === 404 && !(response.body && response.body.Message)) {
            A.showSummary(trackError, A.msg("not_found"));
          } else {
            A.showApiError(trackForm, trackError, response);
          }
        }
      })
      .catch(function () { A.showSummary(trackError, A.msg("network")); });
  }

  trackForm.noValidate = true;
  trackForm.addEventListener("submit", function (event) {
    event.preventDefault();
    lookup(A.value(trackForm, "tracking"));
  });

  // /lacak/?tracking=PSR-… (from a report page or the acknowledgement) looks it up at once.
  var fromUrl = new URLSearchParams(window.location.search).get("tracking");
  if (fromUrl) {
    trackForm.elements.tracking.value = fromUrl;
    lookup(fromUrl.trim());
  }

  // The two reporter forms share their handling; only the payload and the path differ.
  function reporterForm(id, path, required, payload) {
    var form = document.getElementById(id);
    if (!form) return;
    var summary = form.querySelector("[data-summary]");
    var message = form.querySelector("[data-message]");
    form.noValidate = true;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      A.clearErrors(form, summary);
      message.hidden = true;
      var missing = required.filter(function (name) {
        var empty = name === "accept" ? !form.querySelector('input[name="accept"]:checked') : !A.value(form, name);
        if (empty) A.setError(form, name, A.msg("required"));
        return empty;
      });
      if (missing.length) {
        A.showSummary(summary, A.msg("fix"));
        return;
      }
      var tracking = A.value(form, "tracking");
      A.request("POST", api + "/reports/" + encodeURIComponent(tracking) + "/" + path, payload(form))
        .then(function (response) {
          if (!response.ok) return A.showApiError(form, summary, response);
          message.textContent = A.msg("sent");
          message.hidden = false;
          Array.prototype.forEach.call(form.querySelectorAll("textarea"), function (t) { t.value = ""; });
          if (!panel.hidden) lookup(tracking); // show the new timeline entry
        })
        .catch(function () { A.showSummary(summary, A.msg("network")); });
    });
  }

  reporterForm("followup-form", "followups", ["tracking", "secret", "text"], function (form) {
    return { secret: A.value(form, "secret"), text: A.value(form, "text") };
  });
  reporterForm("feedback-form", "feedback", ["tracking", "secret", "accept"], function (form) {
    var accept = form.querySelector('input[name="accept"]:checked');
    var rating = form.querySelector('input[name="rating"]:checked');
    var body = { secret: A.value(form, "secret"), accept: accept.value === "1", note: A.value(form, "note") || null };
    if (body.accept && rating) body.rating = parseInt(rating.value, 10); // a rating goes with confirming only
    return body;
  });
})();
