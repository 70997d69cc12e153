// The hub's stylesheet: system fonts, one accent colour, readable on a phone, visible focus.
export const hubCss = /* css */ `
:root {
  --ink: #1c2430; --muted: #556070; --line: #d9dee5; --paper: #ffffff; --wash: #f4f6f9;
  --accent: #0b5cad; --accent-ink: #ffffff; --accent-wash: #e7f0fa;
  --ok: #1d6b3a; --ok-wash: #e6f4ea; --warn: #8a4b00; --warn-wash: #fff4e0; --bad: #a3212a; --bad-wash: #fdecee;
  --info-line: #b9d3ef; --ok-line: #b5dcc1; --warn-line: #f0cf98; --bad-line: #f0b8be; --field-line: #8994a3; --focus: #f2a900; --shadow-rgb: 28, 36, 48; --fade-rgb: 255, 255, 255;
  --radius: 10px; --gap: 1rem; --max: 68rem;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans SC", sans-serif; color: var(--ink); background: var(--wash); }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
h1, h2, h3 { line-height: 1.25; margin: 0 0 0.5rem; }
h1 { font-size: clamp(1.6rem, 4vw, 2.3rem); }
h2 { font-size: 1.35rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; }
p { margin: 0 0 1rem; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { left: 0.5rem; }
.site-header { background: var(--paper); border-bottom: 1px solid var(--line); }
.site-header .inner { max-width: var(--max); margin: 0 auto; padding: 0.75rem var(--gap); display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; }
.brand { font-weight: 700; color: var(--ink); text-decoration: none; font-size: 1.05rem; }
.site-nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; }
.site-nav a { text-decoration: none; padding: 0.25rem 0; }
.site-nav a[aria-current="page"] { font-weight: 700; border-bottom: 2px solid var(--accent); }
.zone-chip { font-size: 0.9rem; color: var(--muted); }
.zone-chip a { font-weight: 600; }
.language-switch { font-size: 0.9rem; color: var(--muted); }
.language-switch [aria-current] { font-weight: 700; color: var(--ink); }
main { max-width: var(--max); margin: 0 auto; padding: 1.5rem var(--gap) 3rem; }
.site-footer { border-top: 1px solid var(--line); background: var(--paper); color: var(--muted); font-size: 0.9rem; }
.site-footer .inner { max-width: var(--max); margin: 0 auto; padding: 1rem var(--gap); }
.lead { font-size: 1.1rem; color: var(--muted); max-width: 48rem; }
.muted { color: var(--muted); }
.small { font-size: 0.9rem; }
.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: var(--gap); grid-template-columns: repeat(auto-fit, minmax(min(100%, 19rem), 1fr)); }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.1rem 1.2rem; display: flex; flex-direction: column; gap: 0.4rem; }
.card h3 { margin: 0; }
.card h3 a { color: var(--ink); text-decoration: none; }
.card h3 a:hover { color: var(--accent); text-decoration: underline; }
.card .when { font-weight: 600; }
.tag { display: inline-block; font-size: 0.8rem; font-weight: 600; padding: 0.1rem 0.55rem; border-radius: 999px; background: var(--accent-wash); color: var(--accent); text-decoration: none; }
.tag.cancelled { background: var(--bad-wash); color: var(--bad); }
.tag.live { background: var(--ok-wash); color: var(--ok); }
.tag.draft { background: var(--warn-wash); color: var(--warn); }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.2rem; margin: 0 0 var(--gap); }
.panel h3:not(:first-child) { margin-top: 1.5rem; }
/* Sections below a workspace form (materials, cancelling): apart from it and from each other, one width. */
.admin-section { margin-top: 2rem; max-width: 48rem; }
.layout-2 { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); align-items: start; }
@media (max-width: 52rem) { .layout-2 { grid-template-columns: minmax(0, 1fr); } }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td { text-align: left; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
/* A table wider than the screen scrolls sideways; a shadow on the side with more to see says so. */
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: var(--radius); position: relative;
  background: linear-gradient(to right, var(--paper) 30%, rgba(var(--fade-rgb), 0)) left center / 2.5rem 100% no-repeat local,
    linear-gradient(to left, var(--paper) 30%, rgba(var(--fade-rgb), 0)) right center / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(var(--shadow-rgb), 0.4), rgba(var(--shadow-rgb), 0)) left center / 1rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(var(--shadow-rgb), 0.4), rgba(var(--shadow-rgb), 0)) right center / 1rem 100% no-repeat scroll,
    var(--paper); }
.table-wrap table { border: 0; background: transparent; }
.clock-time { display: block; font-weight: 600; white-space: nowrap; }
.clock-date { display: block; font-size: 0.85rem; color: var(--muted); white-space: nowrap; }
.day-shift { font-size: 0.8rem; font-weight: 600; color: var(--warn); background: var(--warn-wash); border-radius: 4px; padding: 0 0.35rem; margin-left: 0.35rem; white-space: nowrap; }
abbr[title] { text-decoration: none; border-bottom: 1px dotted var(--muted); cursor: help; }
.speakers { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.9rem; }
.speaker { display: grid; grid-template-columns: 3.5rem 1fr; gap: 0.8rem; align-items: start; }
.avatar { width: 3.5rem; height: 3.5rem; border-radius: 50%; background: var(--accent-wash); color: var(--accent); display: grid; place-items: center; font-weight: 700; overflow: hidden; }
.avatar img { width: 100%; height: 100%; object-fit: cover; }
.notice { border-radius: var(--radius); padding: 0.8rem 1rem; margin: 0 0 var(--gap); border: 1px solid var(--line); background: var(--paper); }
.notice.info { background: var(--accent-wash); border-color: var(--info-line); }
.notice.ok { background: var(--ok-wash); border-color: var(--ok-line); }
.notice.warn { background: var(--warn-wash); border-color: var(--warn-line); }
.notice.error { background: var(--bad-wash); border-color: var(--bad-line); }
.notice[hidden] { display: none; }
form.stack { display: grid; gap: 0.9rem; max-width: 36rem; }
.field { display: grid; gap: 0.25rem; }
.field label, .field legend { font-weight: 600; }
.field .hint { font-size: 0.85rem; color: var(--muted); }
.field .error { font-size: 0.9rem; color: var(--bad); font-weight: 600; }
input[type=text], input[type=email], input[type=url], input[type=password], input[type=number], input[type=date], input[type=datetime-local], input[type=search], select, textarea {
  font: inherit; color: inherit; width: 100%; padding: 0.55rem 0.65rem; border: 1px solid var(--field-line); border-radius: 6px; background: var(--paper); min-height: 2.6rem; }
textarea { min-height: 6rem; resize: vertical; }
[aria-invalid="true"] { border-color: var(--bad) !important; box-shadow: 0 0 0 1px var(--bad); }
.field label.check, .check { font-weight: 400; }
.check { display: flex; gap: 0.5rem; align-items: flex-start; }
.check input { margin-top: 0.3rem; width: 1.1rem; height: 1.1rem; }
fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: 0.8rem 1rem; margin: 0; min-width: 0; }
.button, button { font: inherit; font-weight: 600; display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem; padding: 0.55rem 1.1rem; min-height: 2.6rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: var(--accent-ink); text-decoration: none; cursor: pointer; }
.button.secondary, button.secondary { background: var(--paper); color: var(--accent); }
.button.danger, button.danger { background: var(--bad); border-color: var(--bad); }
.button.small, button.small { padding: 0.25rem 0.7rem; min-height: 2rem; font-size: 0.9rem; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.inline-form { display: inline; }
.honeypot { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
code, .copy { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; background: var(--wash); padding: 0.1rem 0.3rem; border-radius: 4px; word-break: break-all; }
details > summary { cursor: pointer; font-weight: 600; }
.prose { max-width: 46rem; white-space: pre-line; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

/* Phones first (issue 13, item 3): nothing wider than the screen, tables that reflow, the next webinar on the first screen. */
/* Long words wrap instead of widening the page; addresses and tokens may break anywhere. (Not
   "anywhere" for all text: in a table it would squeeze columns down to a letter each.) */
body { overflow-wrap: break-word; }
a[href^="http"], dd, .prose, input[readonly] { overflow-wrap: anywhere; }
dl.facts { grid-template-columns: max-content minmax(0, 1fr); }
.layout-2 > * { min-width: 0; }
/* The programme page: areas and subscribe panel beside the introduction and what is coming on a wide
   screen; on a narrow one the upcoming webinars come right after the tagline. */
.programme-grid { display: grid; column-gap: 1.5rem; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
  grid-template-areas: "head aside" "about aside" "upcoming aside"; grid-template-rows: auto auto 1fr; align-items: start; }
.programme-head { grid-area: head; }
.programme-about { grid-area: about; }
.programme-upcoming { grid-area: upcoming; min-width: 0; }
.programme-aside { grid-area: aside; min-width: 0; }
.after-upcoming { margin-top: 1.5rem; max-width: 40rem; }
.programme-upcoming > h2 { margin-top: 1.5rem; }
.card.next { border-color: var(--accent); box-shadow: 0 0 0 1px var(--accent); }
/* The next webinar leads the list across its whole width: shorter, so on the first screen on a laptop too. */
.cards > .card.next:first-child { grid-column: 1 / -1; }
/* The card's own gap spaces its lines; paragraph margins on top of it made cards tall. */
.card > p { margin: 0; }
.tag.next-tag { background: var(--accent); color: var(--accent-ink); }
.card-actions { margin: 0.3rem 0 0; }
@media (max-width: 52rem) {
  .programme-grid { grid-template-columns: minmax(0, 1fr); grid-template-areas: "head" "upcoming" "about" "aside"; grid-template-rows: none; }
  .programme-head .lead { margin-bottom: 0; }
  .programme-upcoming > h2 { margin-top: 1.25rem; }
  .programme-about { margin-top: 2rem; }
}
/* A table marked .reflow becomes one block per row on a phone, each cell under its column's name
   (data-label); the explicit ARIA roles keep it a table for screen readers whatever the display. */
@media (max-width: 40rem) {
  table.reflow, table.reflow tbody, table.reflow tr, table.reflow td, table.reflow th[scope="row"] { display: block; width: 100%; }
  table.reflow thead, table.reflow thead tr, table.reflow thead th { display: block; }
  table.reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  table.reflow tr { padding: 0.6rem 0.75rem; border-bottom: 1px solid var(--line); }
  table.reflow tbody tr:last-child { border-bottom: 0; }
  table.reflow td, table.reflow th[scope="row"] { border: 0; padding: 0.15rem 0; }
  table.reflow th[scope="row"], table.reflow td.row-head { font-size: 1rem; color: var(--ink); font-weight: 600; padding-bottom: 0.3rem; }
  table.reflow td[data-label] { position: relative; padding-left: 7.25rem; min-height: 1.7rem; }
  table.reflow td[data-label]::before { content: attr(data-label); content: attr(data-label) / ""; position: absolute; left: 0; top: 0.25rem; width: 6.5rem;
    font-size: 0.85rem; font-weight: 600; color: var(--muted); line-height: 1.3; }
  table.reflow td.row-head .clock-date, table.reflow td.row-head .small { font-weight: 400; }
  table.reflow td:empty { display: none; }
  .table-wrap:has(> table.reflow) { background: var(--paper); }
  table.reflow .clock-time, table.reflow .clock-date { white-space: normal; }
  /* The workspace's nine links take three rows on a phone: closer together, they take less of the first screen. */
  body.admin .site-header .inner { padding-top: 0.6rem; padding-bottom: 0.6rem; gap: 0.35rem; }
  body.admin .site-nav { gap: 0 0.85rem; }
  body.admin .site-nav a { padding: 0.3rem 0; }
}
@media (max-width: 40rem) { main { padding-top: 1rem; } .card { padding: 0.9rem; } th, td { padding: 0.45rem; } }
@media print { .site-header nav, .site-footer, .no-print { display: none; } body { background: #fff; } }
/* Issue 13, item 6: the scheduling assistant's audience list and the new form's "Suggest times". */
.audience-list { list-style: none; padding: 0; margin: 0.4rem 0 0; display: grid; gap: 0.35rem; }
.audience-list li { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.1rem 1rem; padding: 0.35rem 0.5rem; border-radius: 6px; border: 1px solid var(--line); background: var(--paper); }
.audience-list li.at-night { background: var(--warn-wash); border-color: var(--warn-line); }
.audience-where { min-width: 0; overflow-wrap: anywhere; }
.audience-when { font-weight: 600; white-space: nowrap; }
.night-flag { font-size: 0.8rem; color: var(--accent-ink); background: var(--warn); border-radius: 4px; padding: 0 0.35rem; margin-left: 0.35rem; }
.suggest-inline { border-top: 1px solid var(--line); padding-top: 0.6rem; }
.suggest-range { align-items: flex-end; }
.suggest-range .field { flex: 1 1 9rem; }
/* Transcripts: folded under their recording, one cue a line with its time as a link to itself. */
.transcript { margin-top: 0.5rem; }
.transcript summary { cursor: pointer; font-weight: 600; }
.transcript .cues { list-style: none; padding: 0; margin: 0.5rem 0 0; max-height: 24rem; overflow-y: auto; border-top: 1px solid var(--line); }
.transcript .cues li { padding: 0.3rem 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.transcript .cues li:target { background: var(--accent-wash); }
.cue-time { font-variant-numeric: tabular-nums; margin-right: 0.35rem; }
.said q { font-style: italic; }
/* Issue 13, item 8: speakers' photos, uploaded or linked (the workspace's photo panel, faces on cards). */
.avatar { flex: none; }
.avatar img { display: block; }
.card-people { display: flex; gap: 0.6rem; align-items: center; }
.card-people p { margin: 0; }
.card-faces { display: flex; }
.card-faces .avatar { border: 2px solid var(--paper); box-sizing: content-box; }
.card-faces .avatar + .avatar { margin-left: -0.45rem; }
.photo-now { display: flex; gap: 1rem; align-items: center; margin: 0 0 1rem; }
.photo-now p { margin: 0; }
.photo-panel .field { grid-template-columns: minmax(0, 1fr); }
.photo-panel input[type=file] { width: 100%; font: inherit; }
.photo-remove { margin-top: 0.75rem; }
/* Issue 13, item 4 (confirm what cannot be undone): the steps that ask first, their dialog, and the row just registered. */
.confirm-step { max-width: 42rem; overflow-wrap: anywhere; }
.confirm-step h1 { font-size: clamp(1.35rem, 5vw, 1.9rem); overflow-wrap: anywhere; }
.confirm-consequences { padding-left: 1.2rem; margin: 0 0 1rem; display: grid; gap: 0.4rem; }
.confirm-times { margin-bottom: 1rem; }
.confirm-audience { color: var(--ink); font-weight: 600; }
.confirm-actions { margin-top: 1.25rem; }
@media (max-width: 40rem) {
  .confirm-actions { flex-direction: column; align-items: stretch; }
  .confirm-actions .button, .confirm-actions button { width: 100%; }
  .confirm-times { grid-template-columns: 1fr; }
  .confirm-times dd { margin-bottom: 0.4rem; }
}
dialog.confirm-dialog { border: 0; border-radius: var(--radius); padding: 1.25rem; width: min(42rem, calc(100vw - 1.5rem)); max-height: calc(100vh - 2rem); overflow: auto; box-shadow: 0 12px 40px rgb(0 0 0 / 0.3); color: var(--ink); }
dialog.confirm-dialog::backdrop { background: rgb(20 28 40 / 0.55); }
dialog.confirm-dialog .confirm-step { max-width: none; }
dialog.confirm-dialog .confirm-step.panel { border: 0; padding: 0; background: none; box-shadow: none; }
.card.just-registered { border-color: var(--ok); box-shadow: 0 0 0 2px var(--ok); background: var(--ok-wash); }
/* Issue 13, item 7 (workspace polish): material edit forms, the CSV downloads. */
.material-actions { gap: 0.4rem; }
.material-edits { border-top: 1px solid var(--line); margin-bottom: 1rem; }
.material-edit { border-bottom: 1px solid var(--line); padding: 0.55rem 0; }
.material-edit > summary { padding: 0.2rem 0; }
.material-edit[open] > summary { margin-bottom: 0.75rem; }
.material-edit form.stack { margin-bottom: 0.5rem; }
.csv-downloads p { margin: 0 0 0.5rem; }
.csv-options { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
.csv-options li { display: flex; flex-wrap: wrap; gap: 0.3rem 0.75rem; align-items: center; }
.csv-options .button { min-width: 11rem; }
/* Zone picker (issue 13, item 1): type-ahead list, "Did you mean" choices, /timezone results. */
.zone-field { display: grid; gap: 0.5rem; }
/* In the flow, not over it: on a phone a list over the next fields would take the tap meant for them. */
.zone-options { margin: 0.2rem 0 0; padding: 0.25rem 0; list-style: none; max-height: min(22rem, 60vh); overflow-y: auto;
  background: var(--paper); border: 1px solid #8994a3; border-radius: 6px; box-shadow: 0 6px 20px rgba(28, 36, 48, 0.18); }
.zone-options [role=option] { display: grid; gap: 0.05rem; padding: 0.5rem 0.75rem; cursor: pointer; min-height: 2.75rem; }
.zone-options [role=option]:hover, .zone-options [role=option][aria-selected=true] { background: var(--accent-wash); }
.zone-options [role=option][aria-selected=true] { outline: 2px solid var(--accent); outline-offset: -2px; }
.zone-name { font-weight: 600; }
.zone-meta { font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.zone-choices legend { font-weight: 600; }
.zone-choices ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4rem; }
.zone-choices .check span { display: grid; }
.zone-choices .hint { font-size: 0.85rem; color: var(--muted); margin: 0.5rem 0 0; }
.zone-results { list-style: none; margin: 0 0 var(--gap); padding: 0; display: grid; gap: 0.5rem; max-width: 40rem; }
.zone-results a { display: grid; gap: 0.1rem; padding: 0.65rem 0.9rem; background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); text-decoration: none; color: var(--ink); }
.zone-results a:hover, .zone-results a:focus-visible { border-color: var(--accent); background: var(--accent-wash); }
.zone-results a[aria-current] { border-color: var(--accent); box-shadow: inset 4px 0 0 var(--accent); }
.zone-results .zone-name { color: var(--accent); }
.zone-who { font-size: 0.85rem; color: var(--ok); font-weight: 600; }
/* Dark mode: the same design on dark paper for people whose system asks for it. Only the palette
   changes; every colour above comes from these variables, and the pairs keep WCAG AA contrast. */
@media screen and (prefers-color-scheme: dark) {
  :root {
    --ink: #e7ebf0; --muted: #a9b3c0; --line: #3a4452; --paper: #1a2029; --wash: #11151b;
    --accent: #8cc0ff; --accent-ink: #0b1626; --accent-wash: #18283b;
    --ok: #86d9a3; --ok-wash: #15301f; --warn: #f5bf6e; --warn-wash: #352611; --bad: #ff9ea6; --bad-wash: #3b191d;
    --info-line: #2f4d70; --ok-line: #2c5a3b; --warn-line: #6a4c1c; --bad-line: #6e2f36; --field-line: #6b7787; --focus: #ffc933;
    --shadow-rgb: 0, 0, 0; --fade-rgb: 26, 32, 41;
    color-scheme: dark;
  }
}
`;
