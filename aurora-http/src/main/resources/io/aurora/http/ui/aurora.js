// Keeps an open page current: every data-refresh seconds, fetch the same URL asking for the
// content region only (X-Aurora-Fragment) and swap it in, keeping open <details> open.
// Pauses while the tab is hidden. Plain script, no libraries, talks only to this scheduler.
(function () {
  'use strict';
  var main = document.getElementById('content');
  if (!main) { return; }
  var seconds = parseInt(main.getAttribute('data-refresh'), 10) || 5;
  var stamp = document.getElementById('refreshed');
  var busy = false;

  function openDetails() {
    var open = [];
    main.querySelectorAll('details[open]').forEach(function (d) {
      var row = d.closest('tr');
      if (row && row.querySelector('.taskid')) { open.push(row.querySelector('.taskid').textContent); }
    });
    return open;
  }

  function reopen(ids) {
    main.querySelectorAll('tr').forEach(function (row) {
      var id = row.querySelector('.taskid');
      var d = row.querySelector('details');
      if (id && d && ids.indexOf(id.textContent) >= 0) { d.open = true; }
    });
  }

  function refresh() {
    if (busy || document.hidden) { return; }
    busy = true;
    fetch(window.location.href, { headers: { 'X-Aurora-Fragment': '1' }, cache: 'no-store' })
      .then(function (r) { return r.text().then(function (t) { return { ok: r.ok, text: t }; }); })
      .then(function (r) {
        var open = openDetails();
        main.innerHTML = r.text;
        reopen(open);
        if (stamp) {
          stamp.textContent = (r.ok ? 'updated ' : 'error at ') + new Date().toLocaleTimeString();
        }
      })
      .catch(function () { if (stamp) { stamp.textContent = 'scheduler unreachable, retrying'; } })
      .then(function () { busy = false; });
  }

  window.setInterval(refresh, seconds * 1000);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) { refresh(); } });
}());
