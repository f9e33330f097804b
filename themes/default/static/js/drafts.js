// Never lose a draft: what the author types is kept in this browser as they type, and on the
// server's autosave slot every 20 seconds and whenever the tab is hidden or closed. On return the
// page offers what was not saved. A real save clears both. Without this script the form still saves.
(function () {
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch || !window.JSON || !window.FormData) { return; }
  var path = form.getAttribute('data-draft-key');
  var key = 'banyan-draft:' + path;
  var url = form.getAttribute('data-autosave');
  var header = form.getAttribute('data-csrf-header');
  var tokenInput = form.querySelector('input[name=_csrf]');
  var status = document.getElementById('autosave-status');
  var store = null;
  var session = null;
  try { store = window.localStorage; session = window.sessionStorage; } catch (e) { /* private mode */ }

  function fields() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== '_csrf' && name !== 'action' && typeof value === 'string') { pairs.push([name, value]); }
    });
    return pairs;
  }
  function read(k) {
    try { return JSON.parse(store.getItem(k)); } catch (e) { return null; }
  }

  if (store && session && form.getAttribute('data-saved') === 'true') {
    store.removeItem(key);
    var submitted = session.getItem('banyan-draft-submitted');
    if (submitted) { store.removeItem(submitted); session.removeItem('banyan-draft-submitted'); }
  }

  var loaded = JSON.stringify(fields());
  var sent = loaded;
  var submitting = false;

  function keepHere() {
    var text = JSON.stringify(fields());
    if (!store || text === loaded) { return; }
    try { store.setItem(key, JSON.stringify({ at: Date.now(), fields: JSON.parse(text) })); } catch (e) { /* full */ }
  }

  function send(pairs, keepalive) {
    var text = JSON.stringify(pairs);
    var headers = { 'Content-Type': 'application/json' };
    if (header && tokenInput) { headers[header] = tokenInput.value; }
    var body = '{"fields":' + text + '}';
    return fetch(url, {
      method: 'POST', credentials: 'same-origin', headers: headers, body: body,
      keepalive: !!keepalive && body.length < 60000
    }).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (kept) {
      sent = text;
      if (status) { status.textContent = status.getAttribute('data-kept') + ' ' + kept.savedAt; }
    });
  }

  function autosave(keepalive) {
    if (submitting) { return; }
    keepHere();
    var pairs = fields();
    if (JSON.stringify(pairs) === sent) { return; }
    send(pairs, keepalive).catch(function () {
      if (status) { status.textContent = status.getAttribute('data-offline'); }
    });
  }

  var typing = null;
  form.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(keepHere, 500);
  });
  form.addEventListener('change', keepHere);
  form.addEventListener('submit', function () {
    keepHere();
    submitting = true;
    if (session) { session.setItem('banyan-draft-submitted', key); }
    setTimeout(function () { submitting = false; }, 10000);
  });
  setInterval(function () { autosave(false); }, 20000);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') { autosave(true); }
  });
  window.addEventListener('pagehide', function () { autosave(true); });

  // The copy this browser kept, when it is newer than the server's and not what the form shows.
  var local = store ? read(key) : null;
  var keptAt = Number(form.getAttribute('data-kept-at') || 0);
  var offer = document.getElementById('local-draft');
  if (!local || !local.fields || !offer) { return; }
  if (JSON.stringify(local.fields) === loaded || local.at <= keptAt) { return; }
  document.getElementById('local-draft-at').textContent = new Date(local.at).toLocaleString();
  offer.hidden = false;

  function fill(pairs) {
    var values = {};
    var used = {};
    pairs.forEach(function (p) { (values[p[0]] = values[p[0]] || []).push(p[1]); });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === '_csrf' || el.type === 'submit' || el.type === 'button' || el.type === 'file') { return; }
      var list = values[el.name] || [];
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = list.indexOf(el.value) >= 0;
      } else {
        var at = used[el.name] || 0;
        if (at < list.length) { el.value = list[at]; }
        used[el.name] = at + 1;
      }
    });
  }
  document.getElementById('local-draft-restore').addEventListener('click', function () {
    send(local.fields, false).then(function () {
      window.location.href = path + '?restore';
    }).catch(function () {
      fill(local.fields);
      offer.hidden = true;
      form.querySelector('input:not([type=hidden]), textarea').focus();
    });
  });
  document.getElementById('local-draft-discard').addEventListener('click', function () {
    store.removeItem(key);
    offer.hidden = true;
    form.querySelector('input:not([type=hidden]), textarea').focus();
  });
})();
