/* The report form: filter kelurahan by kecamatan, validate inline, send JSON with fetch
   and show the tracking number and secret. Without this script the form posts as is. */
(function () {
  "use strict";
  var A = window.Aduan;
  var form = document.getElementById("report-form");
  if (!form || !A || !window.fetch) return;

  var summary = document.getElementById("form-error");
  var result = document.getElementById("result");
  var button = form.querySelector('button[type="submit"]');
  var touched = {};
  form.noValidate = true; // our messages replace the browser's bubbles

  // Only the kelurahan of the chosen kecamatan stay selectable.
  var kecamatan = form.elements.kecamatan;
  var kelurahan = form.elements.kelurahan;
  function filterKelurahan() {
    var chosen = kecamatan.value;
    Array.prototype.forEach.call(kelurahan.querySelectorAll("optgroup"), function (group) {
      var off = chosen !== "" && group.label !== chosen;
      group.hidden = off;
      group.disabled = off;
    });
    var selected = kelurahan.options[kelurahan.selectedIndex];
    if (selected && selected.parentNode.disabled) kelurahan.value = "";
  }
  kecamatan.addEventListener("change", filterKelurahan);
  filterKelurahan();

  function length(name, min, max) {
    var text = A.value(form, name);
    if (!text) return A.msg("required");
    if (text.length < min) return A.msg("too_short", min);
    if (text.length > max) return A.msg("too_long", max);
    return "";
  }

  var rules = {
    kind: function () {
      return form.querySelector('input[name="kind"]:checked') ? "" : A.msg("kind");
    },
    title: function () { return length("title", 10, 150); },
    description: function () { return length("description", 20, 5000); },
    kecamatan: function () { return A.value(form, "kecamatan") ? "" : A.msg("kecamatan"); },
    phone: function () {
      var phone = A.value(form, "phone").replace(/[\s().-]/g, "");
      // Mobile 10-13 digits, landline area code + 7 digits; +62 / 62 / 0 prefix.
      return !phone || /^(\+?62|0)[1-9][0-9]{7,11}$/.test(phone) ? "" : A.msg("phone");
    },
    photo: function () {
      var files = form.elements.photo ? form.elements.photo.files || [] : [];
      var max = parseInt(form.elements.photo.getAttribute("data-max"), 10);
      var bytes = parseInt(form.elements.photo.getAttribute("data-max-bytes"), 10);
      if (files.length > max) return A.msg("photos_count", max);
      for (var i = 0; i < files.length; i++) {
        if (files[i].size > bytes) return A.msg("photo_size", Math.round(bytes / 1048576));
      }
      return "";
    },
    email: function () {
      var email = A.value(form, "email");
      return !email || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? "" : A.msg("email");
    }
  };

  function check(name) {
    var message = rules[name]();
    A.setError(form, name, message);
    return message;
  }

  // Validate a field when the person leaves it, and again while they fix it.
  Object.keys(rules).forEach(function (name) {
    var controls = form.elements[name];
    var list = controls.tagName ? [controls] : Array.prototype.slice.call(controls);
    list.forEach(function (control) {
      control.addEventListener("blur", function () { touched[name] = true; check(name); });
      control.addEventListener("change", function () { if (touched[name]) check(name); });
      control.addEventListener("input", function () { if (touched[name]) check(name); });
    });
  });

  function orNull(name) {
    return A.value(form, name) || null;
  }

  function payload() {
    var body = {
      kind: (form.querySelector('input[name="kind"]:checked') || {}).value,
      title: A.value(form, "title"),
      description: A.value(form, "description"),
      category: orNull("category"),
      location: { kecamatan: A.value(form, "kecamatan"), kelurahan: orNull("kelurahan"), address: orNull("address") },
      reporter: { name: orNull("name"), phone: orNull("phone"), email: orNull("email") },
      anonymous: form.elements.anonymous.checked,
      confidential: form.elements.confidential.checked
    };
    // Only bots fill the honeypot; pass it on so the API can turn them away.
    if (A.value(form, "website")) body.website = A.value(form, "website");
    return body;
  }

  function showResult(body) {
    document.getElementById("tracking-number").textContent = body.tracking;
    document.getElementById("tracking-secret").textContent = body.secret;
    var link = document.getElementById("result-track");
    link.href = link.getAttribute("href").split("?")[0] + "?tracking=" + encodeURIComponent(body.tracking);
    showSimilar(body.similar || []);
    form.hidden = true;
    result.hidden = false;
    result.focus();
  }

  // "Apakah laporan Anda sama dengan ini?": published open reports like this one, each with
  // its public page and a way to follow it instead.
  function showSimilar(similar) {
    var list = document.getElementById("similar-list");
    if (!list || !similar.length) return;
    list.textContent = "";
    similar.forEach(function (item) {
      var li = document.createElement("li");
      var page = document.createElement("a");
      page.href = item.url;
      page.textContent = item.title;
      var meta = document.createElement("span");
      meta.className = "small";
      meta.textContent = " " + item.tracking + " · " + (item.status_label || item.status) + " · ";
      var follow = document.createElement("a");
      follow.href = list.getAttribute("data-track") + "?tracking=" + encodeURIComponent(item.tracking);
      follow.textContent = list.getAttribute("data-follow");
      li.appendChild(page);
      li.appendChild(meta);
      li.appendChild(follow);
      list.appendChild(li);
    });
    document.getElementById("similar").hidden = false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    A.clearErrors(form, summary);
    var invalid = Object.keys(rules).filter(function (name) { touched[name] = true; return check(name); });
    if (invalid.length) {
      A.showSummary(summary, A.msg("fix"));
      return;
    }
    var label = button.textContent;
    button.disabled = true;
    button.textContent = A.msg("sending");
    // With photos the form goes as it would without this script (multipart), else as JSON.
    var photos = form.elements.photo;
    var body = photos && photos.files && photos.files.length ? new FormData(form) : payload();
    A.request("POST", form.action, body)
      .then(function (response) {
        if (response.status === 201 && response.body && response.body.tracking) showResult(response.body);
        else A.showApiError(form, summary, response);
      })
      .catch(function () { A.showSummary(summary, A.msg("network")); })
      .then(function () {
        button.disabled = false;
        button.textContent = label;
      });
  });
})();
