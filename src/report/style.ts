// The report's one style sheet, inline (its hash is in the page's Content-Security-Policy): A4 print with a page
// break before each big section, a readable single column on a phone, fonts the machine has (Noto and DejaVu have
// every Vietnamese glyph), colours with text contrast of at least 4.5:1.
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: #1b1f24; background: #fff; font: 15px/1.5 "Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 24px 16px 40px; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 0 0 10px; padding-top: 4px; border-top: 2px solid #1f4e79; }
.subtitle { margin: 0; font-size: 1.05rem; color: #3d4852; }
.made { margin: 4px 0 0; font-size: .85rem; color: #4a5560; }
section { margin-top: 26px; }
.summary p { font-size: 1.05rem; margin: 0 0 10px; overflow-wrap: anywhere; }
.note { font-size: .85rem; color: #4a5560; margin: 6px 0 0; overflow-wrap: anywhere; }
figure { margin: 0; break-inside: avoid; }
svg { display: block; width: 100%; height: auto; }
.table { width: 100%; overflow-x: auto; margin-top: 12px; }
.table table { min-width: 480px; }
.table.wide table { min-width: 640px; }
.chart { overflow-x: auto; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .82rem; }
th, td { text-align: left; vertical-align: top; padding: 5px 6px; border-bottom: 1px solid #d5dbe1; overflow-wrap: anywhere; }
thead th { border-bottom: 2px solid #8a96a3; font-weight: 600; }
tbody th { font-weight: 600; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.muted th, tr.muted td { color: #4a5560; }
.tag { font-weight: 400; color: #4a5560; white-space: nowrap; }
code { font-family: "DejaVu Sans Mono", "Noto Sans Mono", Menlo, Consolas, monospace; font-size: .78rem; overflow-wrap: anywhere; }
footer { margin-top: 30px; font-size: .8rem; color: #4a5560; border-top: 1px solid #d5dbe1; }
a { color: #1f4e79; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  main { padding: 16px 12px 32px; }
  h1 { font-size: 1.35rem; }
  /* A chart keeps a size its words can be read at, and scrolls sideways. */
  .chart svg { min-width: 560px; }
}
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  section { margin-top: 14px; }
  section.page { break-before: page; }
  tr, figure, svg { break-inside: avoid; }
  .table, .chart { overflow: visible; }
  .table table { font-size: 8pt; }
  .table th, .table td { padding: 3px 5px; }
  .table code { font-size: 7.5pt; white-space: nowrap; overflow-wrap: normal; }
  .chart svg { min-width: 0; }
  a { color: inherit; text-decoration: none; }
}
`;
