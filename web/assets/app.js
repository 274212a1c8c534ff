// A little progressive enhancement; every page works without it.
(function () {
  'use strict';
  // "Link to this page" copies the address when the browser lets it.
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a.share');
    if (!a || !navigator.clipboard) return;
    e.preventDefault();
    navigator.clipboard.writeText(a.href).then(function () {
      a.textContent = 'Link copied';
    }, function () { window.location.href = a.href; });
  });
  // A result is one keystroke away: j and k move between statements.
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
    if (e.key !== 'j' && e.key !== 'k') return;
    var links = Array.prototype.slice.call(document.querySelectorAll('.statement a.text'));
    if (!links.length) return;
    var i = links.indexOf(document.activeElement);
    i = e.key === 'j' ? Math.min(i + 1, links.length - 1) : Math.max(i - 1, 0);
    links[i].focus();
  });
})();
