// The CPOR as one self-contained HTML page for Cabinet papers or the council's performance web page:
// no scripts, no fonts or images fetched (charts are inline SVG), tables with captions and scoped
// headers, and every status written as a word beside its colour, so colour is never the only signal.
import { formatUkDate } from "../model/dates";
import { COUNT_KEYS, CountRow } from "../qsr/collect";
import { ACTION_STATUS_COLOURS, DIRECTION_COLOURS, PALETTE, RAG_COLOURS, StatusColour } from "../workbook/statusPalette";
import { Cpor, KeyMeasure, PrioritySection } from "./cpor";

const COLOURS: Record<string, StatusColour> = { ...ACTION_STATUS_COLOURS, ...DIRECTION_COLOURS, ...RAG_COLOURS };
/** A shape beside each direction word, for readers who print in black and white. */
const DIRECTION_MARK: Record<string, string> = { Improving: "▲", Maintained: "▶", Declining: "▼", M: "" };

export function esc(v: unknown): string {
  return String(v ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const num = (v: number | null | undefined, unit = "") => (v === null || v === undefined ? "" : `${NUMBER.format(v)}${unit === "%" ? "%" : ""}`);
const date = (v: string | null | undefined) => (v ? formatUkDate(v) : "");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const statusHtml = new Map<string, string>();
function status(value: string): string {
  if (!value) return "";
  const known = statusHtml.get(value);
  if (known !== undefined) return known;
  const c = COLOURS[value] ?? PALETTE.none;
  const mark = DIRECTION_MARK[value] ? `<span aria-hidden="true">${DIRECTION_MARK[value]} </span>` : "";
  const text = value === "M" ? "M (cannot be measured yet)" : value;
  const html = `<span class="status" style="background:#${c.fill};color:#${c.font}">${mark}${esc(text)}</span>`;
  statusHtml.set(value, html);
  return html;
}

function table(caption: string, headers: string[], rows: string[][], opts: { rowHeader?: boolean; numeric?: number[]; empty?: string; className?: string } = {}): string {
  if (rows.length === 0) return `<p class="none">${esc(opts.empty ?? `No ${caption.toLowerCase()}.`)}</p>`;
  const numeric = new Set(opts.numeric ?? []);
  const head = headers.map((h, i) => `<th scope="col"${numeric.has(i) ? ' class="n"' : ""}>${esc(h)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${r.map((cell, i) => (i === 0 && opts.rowHeader ? `<th scope="row">${cell}</th>` : `<td${numeric.has(i) ? ' class="n"' : ""}>${cell}</td>`)).join("")}</tr>`)
    .join("\n");
  return `<table${opts.className ? ` class="${opts.className}"` : ""}><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const RAG_ORDER = COUNT_KEYS.rag.map((k) => k.replace("RAG: ", ""));
const DIRECTION_ORDER = COUNT_KEYS.direction.map((k) => k.replace("Direction: ", ""));

function countsTable(caption: string, rows: CountRow[], label: (r: CountRow) => string): string {
  const headers = [
    "Priority",
    "Measures",
    ...RAG_ORDER.map((r) => (r === "M" ? "Not yet measurable (M)" : r)),
    ...DIRECTION_ORDER.map((d) => (d === "M" ? "Direction not known" : d)),
    "Actions",
    "Slipped over 3 months",
    "Exceptions",
  ];
  const body = rows.map((r) => [
    esc(label(r)),
    String(r.measures),
    ...RAG_ORDER.map((k) => String(r[`RAG: ${k}`] ?? 0)),
    ...DIRECTION_ORDER.map((k) => String(r[`Direction: ${k}`] ?? 0)),
    String(r.actions),
    String(r["Action: Slipped (more than 3 months)"] ?? 0),
    String(r.exceptions),
  ]);
  return table(caption, headers, body, { rowHeader: true, numeric: headers.map((_, i) => i).slice(1), className: "counts" });
}

/** A small line chart of the year so far: baseline then each quarter, the annual target dashed. */
export function trendSvg(m: KeyMeasure): string {
  const w = 220;
  const h = 64;
  const pad = { l: 6, r: 6, t: 8, b: 16 };
  const values = m.trend.map((p) => p.value);
  const known = values.filter((v): v is number => v !== null);
  const all = m.annualTarget !== null ? [...known, m.annualTarget] : known;
  const described =
    m.trend.map((p) => `${p.label} ${p.value === null ? "no figure" : num(p.value, m.unit)}`).join(", ") + (m.annualTarget !== null ? `; annual target ${num(m.annualTarget, m.unit)}` : "");
  const label = `Trend for ${m.id}: ${described}`;
  if (known.length === 0)
    return `<svg role="img" aria-label="${esc(label)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${esc(label)}</title><text x="${pad.l}" y="${h / 2}" font-size="11" fill="#333">No figures yet</text></svg>`;
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const x = (i: number) => pad.l + (i * (w - pad.l - pad.r)) / Math.max(1, 4);
  const y = (v: number) => pad.t + ((hi - v) * (h - pad.t - pad.b)) / (hi - lo);
  const parts: string[] = [];
  if (m.annualTarget !== null)
    parts.push(`<line x1="${pad.l}" x2="${w - pad.r}" y1="${y(m.annualTarget).toFixed(1)}" y2="${y(m.annualTarget).toFixed(1)}" stroke="#555" stroke-dasharray="4 3" stroke-width="1"/>`);
  let path = "";
  m.trend.forEach((p, i) => {
    if (p.value === null) return;
    path += `${path === "" ? "M" : "L"}${x(i).toFixed(1)},${y(p.value).toFixed(1)} `;
  });
  parts.push(`<path d="${path.trim()}" fill="none" stroke="#0B3954" stroke-width="2"/>`);
  m.trend.forEach((p, i) => {
    if (p.value !== null) parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3" fill="#0B3954"/>`);
    parts.push(`<text x="${x(i).toFixed(1)}" y="${h - 3}" font-size="9" text-anchor="${i === 0 ? "start" : "middle"}" fill="#333">${p.label === "Baseline" ? "Base" : p.label}</text>`);
  });
  return `<svg role="img" aria-label="${esc(label)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${esc(label)}</title>${parts.join("")}</svg>`;
}

function comparatorText(m: KeyMeasure): string {
  return m.comparators.map((c) => `${esc(c.name)}: ${num(c.value, m.unit)}${c.period ? ` (${esc(c.period)})` : ""}`).join("<br>");
}

function prioritySection(p: PrioritySection): string {
  const id = `priority-${p.id.replace(/[^A-Za-z0-9-]/g, "-")}`;
  const c = p.counts;
  const summary = `${plural(c.measures, "measure")}: ${RAG_ORDER.map((r) => `${c[`RAG: ${r}`] ?? 0} ${r === "M" ? "not yet measurable" : r}`).join(", ")}. ${plural(c.actions, "action")}, ${c["Action: Slipped (more than 3 months)"] ?? 0} slipped more than 3 months. ${plural(c.exceptions, "exception")}.`;
  const keyRows = p.keyMeasures.map((m) => [
    `<span class="id">${esc(m.id)}</span> ${esc(m.name)}`,
    num(m.actual, m.unit),
    num(m.target, m.unit),
    status(m.rag),
    status(m.direction),
    trendSvg(m),
    esc(m.latestPeriod),
    comparatorText(m),
  ]);
  const exceptionRows = p.exceptions.map((e) => [
    `<span class="id">${esc(e.id)}</span> ${esc(e.title)}<br><span class="small">${esc(e.itemType)}, ${esc(e.planId)}</span>`,
    status(e.status) || esc(e.status),
    esc(e.reason) || '<span class="missing">Not given</span>',
    esc(e.correctiveAction) || '<span class="missing">Not given</span>',
    date(e.recoveryDate) || '<span class="missing">Not given</span>',
  ]);
  const slippedRows = p.slipped.map((a) => [
    `<span class="id">${esc(a.id)}</span> ${esc(a.action)}<br><span class="small">${esc(a.planId)}</span>`,
    esc(a.leadOfficer),
    date(a.dueDate),
    date(a.revisedDueDate),
    esc(a.slippageReason),
    date(a.recoveryDate),
  ]);
  let changes = `<p class="none">Give the previous quarter's roll-up (--previous) to see what changed.</p>`;
  if (p.changes) {
    const list = (title: string, items: string[]) => `<h4>${esc(title)}</h4>${items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : `<p class="none">None.</p>`}`;
    changes =
      list(
        "New Reds",
        p.changes.newReds.map((m) => `<span class="id">${esc(m.id)}</span> ${esc(m.name)} (was ${esc(m.was)})`),
      ) +
      list(
        "Recovered from Red",
        p.changes.recovered.map((m) => `<span class="id">${esc(m.id)}</span> ${esc(m.name)} (now ${esc(m.now)})`),
      ) +
      list(
        "Newly slipped more than 3 months",
        p.changes.newlySlipped.map((a) => `<span class="id">${esc(a.id)}</span> ${esc(a.action)} (${esc(a.planId)})`),
      );
  }
  return `<section id="${esc(id)}" aria-labelledby="${esc(id)}-h">
<h2 id="${esc(id)}-h">${esc(p.id)}: ${esc(p.title)}</h2>
<p>${esc(summary)}</p>
<h3>Key measures</h3>
${table(`Key measures for ${p.title}`, ["Measure", "Actual", "Target", "RAG", "Direction of travel", "Trend this year", "Latest data", "Comparators"], keyRows, { numeric: [1, 2], empty: "No key measures are reported against this priority." })}
${p.keyMeasures.length ? `<p class="small">Trend: the baseline (last year's outturn) then each quarter reported this year; the dashed line is the annual target.</p>` : ""}
<h3>Exceptions</h3>
${table(`Exceptions for ${p.title}`, ["Action or measure", "Status", "Reason", "Corrective action", "Recovery date"], exceptionRows, { empty: "No exceptions." })}
<h3>Actions slipped more than 3 months</h3>
${table(`Actions slipped more than 3 months for ${p.title}`, ["Action", "Lead officer", "Due date", "Revised due date", "Reason for slippage", "Recovery date"], slippedRows, { empty: "No actions have slipped more than 3 months." })}
<h3>What changed since last quarter${p.changes ? ` (since ${esc(p.changes.since)})` : ""}</h3>
${changes}
</section>`;
}

const CSS = `
body{font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;margin:0 auto;max-width:1100px;padding:16px;line-height:1.4;font-size:14px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:20px;border-bottom:3px solid #0B3954;padding-bottom:4px;margin-top:32px}h3{font-size:16px;margin:20px 0 6px}h4{font-size:14px;margin:10px 0 4px}
table{border-collapse:collapse;width:100%;margin:4px 0 12px}caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}thead th{background:#E6E6E6}td.n,th.n{text-align:right}
tbody th{font-weight:normal}.status{display:inline-block;padding:1px 6px;border-radius:3px;font-weight:bold;white-space:nowrap}
.id{font-weight:bold;white-space:nowrap}.small{font-size:12px;color:#444}.none{color:#333;font-style:italic}.missing{font-weight:bold;color:#5C1F00}
.counts{font-size:13px}.counts th,.counts td{padding:3px 4px}.counts thead th{hyphens:auto}
.meta{color:#333}nav ul{columns:2}section{break-before:page}#summary{break-before:auto}
@media print{body{max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}}
@page{size:A4 landscape;margin:12mm}
`;

export function cporHtml(r: Cpor): string {
  const sections = r.priorities.map(prioritySection).join("\n");
  const nav = r.priorities.map((p) => `<li><a href="#priority-${esc(p.id.replace(/[^A-Za-z0-9-]/g, "-"))}">${esc(p.id)}: ${esc(p.title)}</a></li>`).join("");
  const measureRows = r.measures.map((m) => [
    `<span class="id">${esc(m.id)}</span> ${esc(m.name)}`,
    esc(m.planId),
    num(m.actual, m.unit),
    status(m.rag),
    status(m.direction),
    esc(m.latestPeriod),
    comparatorText(m) || '<span class="small">None held</span>',
  ]);
  const dq = r.dataQuality.map((d) => [`<span class="id">${esc(d.measureId)}</span>`, esc(d.kind), esc(d.detail), esc(`${d.file}${d.sheet ? ` ${d.sheet}` : ""}${d.cell ? `!${d.cell}` : ""}`)]);
  const notes = [
    `${plural(r.returns, "return")} in this report.`,
    r.draftsLeftOut.length ? `${plural(r.draftsLeftOut.length, "draft return")} left out: ${r.draftsLeftOut.map(esc).join(", ")}.` : "",
    r.rejected ? `${plural(r.rejected, "problem")} rejected in the roll-up (see its Rejects sheet).` : "",
  ].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.council)} Corporate Plan Overview Report ${esc(r.period)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(r.council)}: Corporate Plan Overview Report, ${esc(r.period)}</h1>
<p class="meta">Produced ${esc(date(r.generatedOn))}. ${notes.map(esc).join(" ")}</p>
<nav aria-label="Priorities"><ul>${nav}<li><a href="#latest-data">Latest data and comparators</a></li><li><a href="#data-quality">Data quality</a></li></ul></nav>
</header>
<main>
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">At a glance</h2>
${countsTable("Measures by RAG and direction of travel, and actions, by Corporate Plan priority", [...r.priorities.map((p) => p.counts), { ...r.totals, name: "All priorities" }], (row) => (row.group === "All returns" ? "All priorities" : `${row.group}: ${row.name}`))}
<p class="small">RAG: Green met, Amber within tolerance, Red missed; M cannot be measured yet. Direction of travel compares with the previous quarter (Q2, Q3) or the baseline (Q1, Q4).</p>
</section>
${sections}
<section id="latest-data" aria-labelledby="latest-data-h">
<h2 id="latest-data-h">Latest data and comparators</h2>
${table(r.hasRegister ? "Every corporate measure in the register: its latest figure, the period it is for, and comparators" : "Every key measure: its latest figure, the period it is for, and comparators (give the measure register for all corporate measures)", ["Measure", "Plan", "Actual", "RAG", "Direction of travel", "Latest data", "Comparators"], measureRows, { numeric: [2] })}
</section>
<section id="data-quality" aria-labelledby="data-quality-h">
<h2 id="data-quality-h">Data quality</h2>
${table("Measures reported twice, with different figures, or outside the measure register", ["Measure", "Finding", "Detail", "Where"], dq, { empty: "No data-quality findings." })}
</section>
</main>
</body>
</html>
`;
}
