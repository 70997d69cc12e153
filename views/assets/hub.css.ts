// The hub's stylesheet: system fonts, one accent colour, readable on a phone, visible focus.
export const hubCss = /* css */ `
:root {
  --ink: #1c2430; --muted: #556070; --line: #d9dee5; --paper: #ffffff; --wash: #f4f6f9;
  --accent: #0b5cad; --accent-ink: #ffffff; --accent-wash: #e7f0fa;
  --ok: #1d6b3a; --ok-wash: #e6f4ea; --warn: #8a4b00; --warn-wash: #fff4e0; --bad: #a3212a; --bad-wash: #fdecee;
  --radius: 10px; --gap: 1rem; --max: 68rem;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans SC", sans-serif; color: var(--ink); background: var(--wash); }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; border-radius: 3px; }
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
  background: linear-gradient(to right, var(--paper) 30%, rgba(255, 255, 255, 0)) left center / 2.5rem 100% no-repeat local,
    linear-gradient(to left, var(--paper) 30%, rgba(255, 255, 255, 0)) right center / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(28, 36, 48, 0.4), rgba(28, 36, 48, 0)) left center / 1rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(28, 36, 48, 0.4), rgba(28, 36, 48, 0)) right center / 1rem 100% no-repeat scroll,
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
.notice.info { background: var(--accent-wash); border-color: #b9d3ef; }
.notice.ok { background: var(--ok-wash); border-color: #b5dcc1; }
.notice.warn { background: var(--warn-wash); border-color: #f0cf98; }
.notice.error { background: var(--bad-wash); border-color: #f0b8be; }
.notice[hidden] { display: none; }
form.stack { display: grid; gap: 0.9rem; max-width: 36rem; }
.field { display: grid; gap: 0.25rem; }
.field label, .field legend { font-weight: 600; }
.field .hint { font-size: 0.85rem; color: var(--muted); }
.field .error { font-size: 0.9rem; color: var(--bad); font-weight: 600; }
input[type=text], input[type=email], input[type=url], input[type=password], input[type=number], input[type=date], input[type=datetime-local], input[type=search], select, textarea {
  font: inherit; color: inherit; width: 100%; padding: 0.55rem 0.65rem; border: 1px solid #8994a3; border-radius: 6px; background: var(--paper); min-height: 2.6rem; }
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
@media (max-width: 40rem) { main { padding-top: 1rem; } .card { padding: 0.9rem; } th, td { padding: 0.45rem; } }
@media print { .site-header nav, .site-footer, .no-print { display: none; } body { background: #fff; } }
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
`;
