// The module editor without a round trip for choosing a unit's type: shows that type's fields at
// once. Every other button posts the form, which also works without this script.
(function () {
  var form = document.getElementById('module-editor');
  if (!form) { return; }

  function show(unit, type) {
    unit.setAttribute('data-type', type);
    var groups = unit.querySelectorAll('.type-fields');
    for (var i = 0; i < groups.length; i++) {
      groups[i].hidden = groups[i].getAttribute('data-for') !== type;
    }
    var passMark = unit.querySelector('input[name$=".passMark"]');
    if (type === 'quiz' && passMark && passMark.value === '') { passMark.value = '80'; }
  }

  var selects = form.querySelectorAll('select.unit-type');
  for (var i = 0; i < selects.length; i++) {
    var unit = selects[i].closest('.unit-editor');
    var apply = unit.querySelector('.inline-choice button.apply');
    if (apply) { apply.hidden = true; }
    selects[i].addEventListener('change', function (event) {
      show(event.target.closest('.unit-editor'), event.target.value);
    });
  }
})();
