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
`;
