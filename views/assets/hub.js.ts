// The only script on public pages: offers the browser's time zone and pre-fills zone fields.
// Everything works without it.
export const hubJs = /* js */ `
(function () {
  // A form that came back with errors: take the reader to the list of what to fix.
  var errors = document.querySelector('[data-error-summary]');
  if (errors) {
    errors.scrollIntoView({ block: 'start' });
    errors.focus();
  }
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone) return;
  document.querySelectorAll('input[data-detect-zone]').forEach(function (input) {
    if (!input.value) input.value = zone;
  });
  var offer = document.getElementById('zone-offer');
  if (!offer) return;
  var shown = offer.getAttribute('data-shown-zone');
  var chosen = offer.getAttribute('data-zone-chosen') === 'true';
  if (chosen || zone === shown) return;
  var link = offer.querySelector('a[data-zone-link]');
  var name = offer.querySelector('[data-zone-name]');
  var url = new URL(window.location.href);
  url.searchParams.set('tz', zone);
  link.setAttribute('href', url.pathname + url.search + url.hash);
  name.textContent = zone.replace(/_/g, ' ');
  offer.hidden = false;
})();
(function () {
  // Issue 13, item 6: "Suggest times" inside the new-webinar form. Enter in its date fields asks for
  // suggestions (not the form's first button, "Check this time"), and the page that comes back with
  // suggestions opens at them unless it has errors to show first.
  document.querySelectorAll('[data-suggest-range]').forEach(function (range) {
    var button = range.querySelector('button[name="intent"][value="suggest"]');
    range.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && event.target.tagName === 'INPUT' && button) {
        event.preventDefault();
        button.click();
      }
    });
  });
  var answer = document.querySelector('[data-suggest-answer]');
  if (answer && !document.querySelector('[data-error-summary]')) answer.scrollIntoView({ block: 'start' });
  // Issue 13, item 4: a button that asks before what cannot be undone is a GET form marked
  // data-confirm, leading to a page that holds the step ([data-confirm-step]). Here the step opens
  // in a dialog on this page instead; without the script, or when anything fails, the page itself.
  if (typeof HTMLDialogElement !== 'function' || !window.fetch || !window.DOMParser) return;
  var dialog, opener;
  function ensureDialog() {
    if (dialog) return dialog;
    dialog = document.createElement('dialog');
    dialog.className = 'confirm-dialog';
    dialog.setAttribute('aria-labelledby', 'confirm-heading');
    document.body.appendChild(dialog);
    dialog.addEventListener('click', function (event) {
      var back = event.target.closest && event.target.closest('[data-confirm-back]');
      if (!back) return;
      event.preventDefault();
      dialog.close();
    });
    dialog.addEventListener('close', function () {
      dialog.replaceChildren();
      if (opener) opener.focus();
    });
    return dialog;
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-confirm') || form.method.toLowerCase() !== 'get') return;
    event.preventDefault();
    var url = form.action;
    opener = event.submitter || form.querySelector('button');
    fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) {
        if (!res.ok || res.redirected) throw new Error('no step');
        return res.text();
      })
      .then(function (html) {
        var step = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-confirm-step]');
        if (!step) throw new Error('no step');
        var box = ensureDialog();
        box.replaceChildren(document.importNode(step, true));
        box.showModal();
        // The way back has the focus, not the button that acts: Enter must not destroy anything.
        var back = box.querySelector('[data-confirm-back]');
        if (back) back.focus();
      })
      .catch(function () { window.location.href = url; });
  });
})();
`;
