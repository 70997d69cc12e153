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
// Zone fields (issue 13, item 1): matching zones while typing, from /timezone/search, as an ARIA
// combobox (arrow keys, Enter, Escape; click or tap). Without this script the field is a plain
// input that the server resolves ("Beijing" -> Asia/Shanghai) or answers with choices.
(function () {
  var inputs = document.querySelectorAll('input[data-zone-picker]');
  if (!inputs.length || !window.fetch) return;
  inputs.forEach(function (input) {
    var listId = input.id + '-options';
    // The words are English unless the page sends its language's (data-zone-words, zone-picker-words.ts).
    var words = { list: 'Matching time zones', now: 'now', none: 'No time zone matches.', one: 'One time zone matches.', many: '{count} time zones match.', chosen: '{place} ({zone}) chosen.' };
    try {
      var own = JSON.parse(input.getAttribute('data-zone-words') || '{}');
      Object.keys(words).forEach(function (key) { if (typeof own[key] === 'string') words[key] = own[key]; });
    } catch (e) {}
    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'zone-options';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', words.list);
    list.hidden = true;
    var status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    // The input, its list and the status in one box, so that the field's layout keeps its order.
    var box = document.createElement('div');
    box.className = 'zone-combo';
    input.parentNode.insertBefore(box, input);
    box.appendChild(input);
    box.appendChild(list);
    box.appendChild(status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    var matches = [];
    var active = -1;
    var asked = 0;
    var timer;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function highlight(index) {
      active = index;
      list.querySelectorAll('[role=option]').forEach(function (option, i) {
        option.setAttribute('aria-selected', String(i === index));
      });
      if (index < 0) {
        input.removeAttribute('aria-activedescendant');
        return;
      }
      var option = document.getElementById(listId + '-' + index);
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }
    function line(className, text) {
      var span = document.createElement('span');
      span.className = className;
      span.textContent = text;
      return span;
    }
    function render() {
      list.textContent = '';
      matches.forEach(function (match, i) {
        var option = document.createElement('li');
        option.id = listId + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.setAttribute('data-zone', match.zone);
        option.appendChild(line('zone-name', (match.matched ? match.matched + ': ' : '') + match.label));
        option.appendChild(line('zone-meta', match.zone + ' · ' + match.offset + ' · ' + words.now + ' ' + match.time));
        list.appendChild(option);
      });
      status.textContent = matches.length === 0 ? words.none : matches.length === 1 ? words.one : words.many.replace('{count}', String(matches.length));
      if (matches.length === 0) {
        close();
        return;
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(-1);
    }
    function choose(index) {
      var match = matches[index];
      if (!match) return;
      input.value = match.zone;
      close();
      status.textContent = words.chosen.replace('{place}', match.label).replace('{zone}', match.zone);
      // The "Did you mean" choices of a refused value no longer apply.
      var field = input.closest('.zone-field');
      if (field) field.querySelectorAll('input[data-zone-choice]').forEach(function (radio) { radio.checked = false; });
      // The picker page's search: choosing is the whole point, so go and use the zone.
      if (input.name === 'q' && input.form && input.form.getAttribute('action') === '/timezone') {
        var back = input.form.querySelector('input[name=return]');
        window.location.href = '/timezone?tz=' + encodeURIComponent(match.zone) + '&return=' + encodeURIComponent(back ? back.value : '/');
      }
    }
    function search() {
      var query = input.value.trim();
      var ticket = ++asked;
      if (!query) {
        matches = [];
        close();
        return;
      }
      fetch('/timezone/search?q=' + encodeURIComponent(query), { headers: { accept: 'application/json' } })
        .then(function (res) { return res.ok ? res.json() : { matches: [] }; })
        .then(function (data) {
          if (ticket !== asked) return; // an older answer that came late
          matches = data.matches || [];
          render();
        })
        .catch(function () {});
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, 120);
    });
    input.addEventListener('keydown', function (event) {
      if (list.hidden) {
        if (event.key === 'ArrowDown' && matches.length) {
          event.preventDefault();
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
          highlight(0);
        }
        return;
      }
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        highlight((active + 1) % matches.length);
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        highlight(active <= 0 ? matches.length - 1 : active - 1);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
    // Keep the focus in the field while a choice is clicked or tapped.
    list.addEventListener('mousedown', function (event) { event.preventDefault(); });
    list.addEventListener('click', function (event) {
      var option = event.target.closest('[role=option]');
      if (option) choose(Array.prototype.indexOf.call(list.children, option));
    });
  });
  // "Did you mean": choosing a zone also puts it in the field, so what is sent is what is seen.
  document.querySelectorAll('input[data-zone-choice]').forEach(function (radio) {
    radio.addEventListener('change', function () {
      var field = radio.closest('.zone-field');
      var input = field && field.querySelector('input[data-zone-picker]');
      if (input && radio.checked) input.value = radio.value;
    });
  });
})();
(function () {
  // Issue 14, item 5: an HLS stream (.m3u8) plays natively in Safari and on phones; other browsers
  // get hls.js (served by the hub, loaded only on a page with a stream). Without either, the
  // player's link to the stream stays.
  var streams = Array.prototype.filter.call(document.querySelectorAll('video[data-hls]'), function (video) {
    return !video.canPlayType('application/vnd.apple.mpegurl');
  });
  if (streams.length === 0 || !window.MediaSource) return;
  var script = document.createElement('script');
  script.src = '/assets/hls.js';
  script.onload = function () {
    if (!window.Hls || !window.Hls.isSupported()) return;
    streams.forEach(function (video) {
      var hls = new window.Hls({ enableWorker: false });
      hls.loadSource(video.getAttribute('data-hls'));
      hls.attachMedia(video);
    });
  };
  document.head.appendChild(script);
})();
`;
