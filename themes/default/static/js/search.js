// Autocomplete for the search box: fills the datalist from /api/v1/suggest. The page works without it.
(function () {
  var input = document.getElementById('q');
  var list = document.getElementById('suggestions');
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  var last = '';
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = input.value.trim();
      if (text.length < 1 || text === last) { return; }
      last = text;
      fetch('/api/v1/suggest?q=' + encodeURIComponent(text), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) {
          while (list.firstChild) { list.removeChild(list.firstChild); }
          (data.suggestions || []).forEach(function (s) {
            var option = document.createElement('option');
            option.value = s.text;
            list.appendChild(option);
          });
        })
        .catch(function () { /* suggestions are only a help */ });
    }, 150);
  });
})();
