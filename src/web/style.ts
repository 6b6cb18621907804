// The one stylesheet of the pages, served from /style.css so nothing loads from elsewhere.

export const STYLESHEET = `
:root {
  --ink: #1d232b; --muted: #5b6572; --line: #d9dee4; --paper: #ffffff; --wash: #f4f6f8;
  --accent: #1f5fa8; --warn-bg: #fff4d6; --warn-line: #e0b341; --bad: #a32020;
  --bad-bg: #fdeaea; --code-bg: #f1f3f6;
  --mono: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
body {
  margin: 0; color: var(--ink); background: var(--wash);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
header.site {
  display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.5rem;
  background: #16202c; color: #fff;
}
header.site a.brand { color: #fff; font-weight: 700; font-size: 1.1rem; letter-spacing: .02em; }
header.site form { margin-left: auto; }
main { max-width: 72rem; margin: 1.5rem auto; padding: 0 1.5rem 3rem; }
main > article, main > section.panel {
  background: var(--paper); border: 1px solid var(--line); border-radius: 6px;
  padding: 1.5rem 2rem;
}
h1 { font-size: 1.6rem; line-height: 1.25; margin: .3rem 0 1rem; }
h2 {
  font-size: 1.2rem; margin: 2rem 0 .75rem; padding-bottom: .3rem;
  border-bottom: 1px solid var(--line);
}
h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
nav.breadcrumb { color: var(--muted); font-size: .9rem; }
nav.breadcrumb a { color: var(--muted); }
p.explain { color: var(--muted); font-size: .92rem; max-width: 50rem; }
p.none { color: var(--muted); font-style: italic; }
input[type=search] {
  width: 22rem; max-width: 100%; padding: .35rem .6rem; border: 1px solid var(--line);
  border-radius: 4px; font: inherit;
}
button { padding: .35rem .9rem; border: 1px solid var(--accent); border-radius: 4px;
  background: var(--accent); color: #fff; font: inherit; cursor: pointer; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td {
  text-align: left; vertical-align: top; padding: .4rem .6rem;
  border-bottom: 1px solid var(--line);
}
th { background: var(--wash); font-weight: 600; font-size: .9rem; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font-family: var(--mono); font-size: .88rem; }
code { background: var(--code-bg); padding: .05rem .3rem; border-radius: 3px; }
pre {
  background: var(--code-bg); padding: .75rem 1rem; border-radius: 4px; overflow-x: auto;
  white-space: pre-wrap; word-break: break-word;
}
dl.facts {
  display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.25rem; margin: 0 0 1rem;
}
dl.facts dt { color: var(--muted); font-weight: 600; }
dl.facts dd { margin: 0; }
ul.plain { margin: .25rem 0; padding-left: 1.2rem; }
.badge {
  display: inline-block; padding: 0 .45rem; border-radius: 9px; font-size: .78rem;
  border: 1px solid var(--line); background: var(--wash); color: var(--muted);
  white-space: nowrap;
}
.badge.deprecated, .badge.unknown {
  border-color: var(--warn-line); background: var(--warn-bg); color: #6b4d00;
}
.badge.opaque, .badge.negated {
  border-color: #e3a3a3; background: var(--bad-bg); color: var(--bad);
}
.badge.effect { background: #e8f0fa; border-color: #b9cde6; color: #1d4677; }
.banner {
  padding: .75rem 1rem; border: 1px solid var(--warn-line); background: var(--warn-bg);
  border-radius: 4px; margin: 0 0 1rem;
}
.unknown-name { font-style: italic; color: var(--muted); }
section.stage {
  border: 1px solid var(--line); border-radius: 5px; padding: .75rem 1rem; margin: .75rem 0;
}
section.stage h3 { margin-top: 0; }
section.stage.opaque { border-color: #e3a3a3; border-style: dashed; }
ul.tree, ul.tree ul {
  list-style: none; margin: 0; padding-left: 1.2rem; border-left: 2px solid var(--line);
}
ul.tree { padding-left: .8rem; }
ul.tree li { margin: .2rem 0; }
.connective { font-weight: 700; font-size: .8rem; letter-spacing: .05em; color: var(--muted); }
li.opaque { color: var(--bad); }
.more, .untitled { color: var(--muted); font-style: italic; }
ul.values { list-style: none; margin: 0; padding: 0; }
ul.values li { margin: .1rem 0; }
.corpus { color: var(--muted); font-size: .85rem; margin-left: .5rem; }
.diag-error { color: var(--bad); }
nav.pager { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
.muted { color: var(--muted); }
ul.neighbors > li { margin: .6rem 0; }
table.mapping td { font-size: .88rem; }
table.mapping .canonical { display: block; color: var(--muted); font-size: .82rem; }
div.compare { display: grid; grid-template-columns: 1fr 1fr; gap: 1.25rem; }
div.compare > section { min-width: 0; }
footer.site { text-align: center; color: var(--muted); font-size: .8rem; padding: 1rem; }
`;
