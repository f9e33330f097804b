// The course builder's buttons without a page load: the form is posted as its button would post it
// and the builder is replaced by the one in the answer; the title search runs as the author types.
// Without this script every button posts the page, and nothing typed is lost either way.
(function () {
  var form = document.getElementById('course-builder') && document.getElementById('course-builder').closest('form');
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) { return; }
  var timer = null;
  var busy = false;

  function post(action) {
    var data = new FormData(form);
    data.set('action', action);
    // form.action would name the buttons called "action".
    return fetch(form.getAttribute('action'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(data).toString()
    }).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('course-builder');
      if (!fresh) { throw new Error('no builder'); }
      return fresh;
    });
  }

  function focusAfter(action, button) {
    var parts = action.split('.');
    var item = button && button.closest('li[data-lesson]');
    var target = null;
    if (parts[0] === 'lesson' && (parts[1] === 'up' || parts[1] === 'down') && item) {
      var moved = document.querySelector('#course-builder li[data-lesson="' + item.getAttribute('data-lesson') + '"]');
      target = moved && (moved.querySelector('button[value^="lesson.' + parts[1] + '"]') || moved.querySelector('button'));
    } else if (parts[0] === 'unit' && (parts[1] === 'up' || parts[1] === 'down')) {
      var index = Number(parts[2]) + (parts[1] === 'up' ? -1 : 1);
      var unit = document.querySelector('#course-builder [data-unit="' + index + '"]');
      target = unit && (unit.querySelector('button[value^="unit.' + parts[1] + '"]') || unit.querySelector('input'));
    } else if (action === 'unit.add') {
      var units = document.querySelectorAll('#course-builder .builder-unit input[name$=".title"]');
      target = units[units.length - 1];
    }
    (target || document.getElementById('lessonQuery')).focus();
  }

  function run(action, button) {
    if (busy) { return; }
    busy = true;
    post(action).then(function (fresh) {
      var builder = document.getElementById('course-builder');
      if (action === 'lesson.search') {
        builder.querySelector('#lesson-results').replaceWith(document.importNode(fresh.querySelector('#lesson-results'), true));
      } else {
        builder.replaceWith(document.importNode(fresh, true));
        focusAfter(action, button);
      }
      form.dispatchEvent(new Event('input', { bubbles: true }));
    }).catch(function () {
      // Let the browser post the form as it would without this script.
      if (button) { form.requestSubmit(button); }
    }).then(function () { busy = false; });
  }

  form.addEventListener('click', function (event) {
    var button = event.target.closest('#course-builder button[name=action]');
    if (!button) { return; }
    event.preventDefault();
    run(button.value, button);
  });
  form.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.id === 'lessonQuery') {
      event.preventDefault();
      run('lesson.search', null);
    }
  });
  form.addEventListener('input', function (event) {
    if (event.target.id !== 'lessonQuery') { return; }
    clearTimeout(timer);
    timer = setTimeout(function () { run('lesson.search', null); }, 300);
  });
})();
