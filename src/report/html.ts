// The CPOR as one self-contained HTML page for Cabinet papers or the council's performance web page:
// no scripts, no fonts or images fetched (charts are inline SVG), tables with captions and scoped
// headers, and every status written as a word beside its colour, so colour is never the only signal.
import { formatUkDate } from "../model/dates";
import { COUNT_KEYS, CountRow } from "../qsr/collect";
import { ACTION_STATUS_COLOURS, DIRECTION_COLOURS, PALETTE, RAG_COLOURS, StatusColour } from "../workbook/statusPalette";
import { Cpor, KeyMeasure, PrioritySection, shownDataQuality } from "./cpor";

const COLOURS: Record<string, StatusColour> = { ...ACTION_STATUS_COLOURS, ...DIRECTION_COLOURS, ...RAG_COLOURS };
/** The palette's colour names, the class a status word gets: one CSS rule per colour, not a style attribute per word. */
const COLOUR_CLASS = new Map<StatusColour, string>(Object.entries(PALETTE).map(([name, c]) => [c, name]));
/** A shape before each direction word (drawn by the style sheet), for readers who print in black and white. */
const DIRECTION_MARK: Record<string, { cls: string; mark: string }> = { Improving: { cls: "up", mark: "▲" }, Maintained: { cls: "level", mark: "▶" }, Declining: { cls: "down", mark: "▼" } };

function esc(v: unknown): string {
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
  const colour = COLOUR_CLASS.get(COLOURS[value] ?? PALETTE.none) ?? "none";
  const mark = DIRECTION_MARK[value] ? ` ${DIRECTION_MARK[value].cls}` : "";
  const text = value === "M" ? "M (cannot be measured yet)" : value;
  const html = `<b class="${colour}${mark}">${esc(text)}</b>`;
  statusHtml.set(value, html);
  return html;
}

/** The status colours and direction shapes, once for the page. The shapes are decoration: their alternative text is empty. */
const STATUS_CSS = [
  ...Object.entries(PALETTE).map(([name, c]) => `b.${name}{background:#${c.fill};color:#${c.font}}`),
  ...Object.values(DIRECTION_MARK).map(({ cls, mark }) => `.${cls}::before{content:"${mark} ";content:"${mark} "/""}`),
].join("");

/** The tables whose columns hold figures, by class, and those columns (1 the first): right-aligned by the style sheet, not a class on every cell. */
const FIGURE_COLUMNS: Record<string, number[]> = { "key-measures": [2, 3], "latest-data": [3] };
const FIGURE_CSS = `.counts td,.counts thead th+th,${Object.entries(FIGURE_COLUMNS)
  .flatMap(([cls, cols]) => cols.flatMap((n) => [`.${cls} td:nth-child(${n})`, `.${cls} th:nth-child(${n})`]))
  .join(",")}{text-align:right}`;

/**
 * A table with a caption and scoped headers. The end tags of cells and rows are left out, as HTML allows
 * (the next cell, the next row or the end of the table closes them): on a large quarter they were a
 * tenth of the page. Rows follow each other with no white space between, so none lands in a cell.
 */
function table(caption: string, headers: string[], rows: string[][], opts: { rowHeader?: boolean; empty?: string; className?: string } = {}): string {
  if (rows.length === 0) return `<p class="empty">${esc(opts.empty ?? `No ${caption.toLowerCase()}.`)}</p>`;
  const head = headers.map((h) => `<th scope="col">${esc(h)}`).join("");
  const body = rows.map((r) => `<tr>${r.map((cell, i) => (i === 0 && opts.rowHeader ? `<th scope="row">${cell}` : `<td>${cell}`)).join("")}`).join("");
  return `<table${opts.className ? ` class="${opts.className}"` : ""}><caption>${esc(caption)}</caption><thead><tr>${head}</thead><tbody>${body}</tbody></table>`;
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
  return table(caption, headers, body, { rowHeader: true, className: "counts" });
}

const TREND = { w: 220, h: 64, l: 6, r: 6, t: 8, b: 16 };
/** Where point i (0 the baseline, then Q1..Q4) sits across the chart: whole pixels, so the path stays short. */
const trendX = (i: number) => TREND.l + Math.round((i * (TREND.w - TREND.l - TREND.r)) / 4);

/**
 * A small line chart of the year so far: baseline then each quarter, the annual target dashed. Its
 * colours, size and dots come from the page's style sheet and its axis labels are drawn once for the
 * page (trendDefs), so each chart holds only its own figures: thousands of them stay a small page.
 */
export function trendSvg(m: KeyMeasure): string {
  const known = m.trend.map((p) => p.value).filter((v): v is number => v !== null);
  const all = m.annualTarget !== null ? [...known, m.annualTarget] : known;
  const described =
    m.trend.map((p) => `${p.label} ${p.value === null ? "no figure" : num(p.value, m.unit)}`).join(", ") + (m.annualTarget !== null ? `; annual target ${num(m.annualTarget, m.unit)}` : "");
  // The title is the chart's accessible name (SVG-AAM) and its tooltip: the figures in words.
  const open = `<svg class="trend" role="img"><title>${esc(`Trend for ${m.id}: ${described}`)}</title>`;
  if (known.length === 0) return `${open}<text class="nofig" x="${TREND.l}" y="${TREND.h / 2}">No figures yet</text></svg>`;
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const y = (v: number) => Math.round(TREND.t + ((hi - v) * (TREND.h - TREND.t - TREND.b)) / (hi - lo));
  const target = m.annualTarget !== null ? `<path class="t" d="M${TREND.l} ${y(m.annualTarget)}H${TREND.w - TREND.r}"/>` : "";
  // The line's markers are its dots; a lone figure is a line of no length, so it still gets one.
  const points = m.trend.flatMap((p, i) => (p.value === null ? [] : [`${trendX(i)} ${y(p.value)}`]));
  const line = `M${points.join("L")}${points.length === 1 ? "h0" : ""}`;
  return `${open}${target}<path class="l" d="${line}"/><use href="#${axisId(m.trend.length)}"/></svg>`;
}

const axisId = (points: number) => `axis${points}`;

/**
 * What the charts share, once for the page: the dot marker and the axis labels (Base, Q1 ...) for each
 * length of trend shown. Styled here: a used copy takes no style sheet selectors of its own.
 */
function trendDefs(lengths: Iterable<number>): string {
  const axes = [...new Set(lengths)].map(
    (n) =>
      `<g id="${axisId(n)}">${Array.from({ length: n }, (_, i) => `<text x="${trendX(i)}" y="${TREND.h - 3}" font-size="9" fill="#333" text-anchor="${i === 0 ? "start" : "middle"}">${i === 0 ? "Base" : `Q${i}`}</text>`).join("")}</g>`,
  );
  if (axes.length === 0) return "";
  const dot = `<marker id="dot" viewBox="0 0 6 6" refX="3" refY="3" markerWidth="6" markerHeight="6" markerUnits="userSpaceOnUse"><circle cx="3" cy="3" r="3" fill="#0B3954"/></marker>`;
  return `<svg class="defs" aria-hidden="true" focusable="false"><defs>${dot}${axes.join("")}</defs></svg>`;
}

function comparatorText(m: KeyMeasure): string {
  return m.comparators.map((c) => `${esc(c.name)}: ${num(c.value, m.unit)}${c.period ? ` (${esc(c.period)})` : ""}`).join("<br>");
}

function prioritySection(p: PrioritySection): string {
  const id = `priority-${p.id.replace(/[^A-Za-z0-9-]/g, "-")}`;
  const c = p.counts;
  const summary = `${plural(c.measures, "measure")}: ${RAG_ORDER.map((r) => `${c[`RAG: ${r}`] ?? 0} ${r === "M" ? "not yet measurable" : r}`).join(", ")}. ${plural(c.actions, "action")}, ${c["Action: Slipped (more than 3 months)"] ?? 0} slipped more than 3 months. ${plural(c.exceptions, "exception")}.`;
  const keyRows = p.keyMeasures.map((m) => [
    `<b>${esc(m.id)}</b> ${esc(m.name)}`,
    num(m.actual, m.unit),
    num(m.target, m.unit),
    status(m.rag),
    status(m.direction),
    trendSvg(m),
    esc(m.latestPeriod),
    comparatorText(m),
  ]);
  const exceptionRows = p.exceptions.map((e) => [
    `<b>${esc(e.id)}</b> ${esc(e.title)}<br><small>${esc(e.itemType)}, ${esc(e.planId)}</small>`,
    status(e.status) || esc(e.status),
    esc(e.reason) || '<em class="missing">Not given</em>',
    esc(e.correctiveAction) || '<em class="missing">Not given</em>',
    date(e.recoveryDate) || '<em class="missing">Not given</em>',
  ]);
  const slippedRows = p.slipped.map((a) => [
    `<b>${esc(a.id)}</b> ${esc(a.action)}<br><small>${esc(a.planId)}</small>`,
    esc(a.leadOfficer),
    date(a.dueDate),
    date(a.revisedDueDate),
    esc(a.slippageReason),
    date(a.recoveryDate),
  ]);
  let changes = `<p class="empty">Give the previous quarter's roll-up (--previous) to see what changed.</p>`;
  if (p.changes) {
    const list = (title: string, items: string[]) => `<h4>${esc(title)}</h4>${items.length ? `<ul>${items.map((i) => `<li>${i}`).join("")}</ul>` : `<p class="empty">None.</p>`}`;
    changes =
      list(
        "New Reds",
        p.changes.newReds.map((m) => `<b>${esc(m.id)}</b> ${esc(m.name)} (was ${esc(m.was)})`),
      ) +
      list(
        "Recovered from Red",
        p.changes.recovered.map((m) => `<b>${esc(m.id)}</b> ${esc(m.name)} (now ${esc(m.now)})`),
      ) +
      list(
        "Newly slipped more than 3 months",
        p.changes.newlySlipped.map((a) => `<b>${esc(a.id)}</b> ${esc(a.action)} (${esc(a.planId)})`),
      );
  }
  return `<section id="${esc(id)}" aria-labelledby="${esc(id)}-h">
<h2 id="${esc(id)}-h">${esc(p.id)}: ${esc(p.title)}</h2>
<p>${esc(summary)}</p>
<h3>Key measures</h3>
${table(`Key measures for ${p.title}`, ["Measure", "Actual", "Target", "RAG", "Direction of travel", "Trend this year", "Latest data", "Comparators"], keyRows, { className: "key-measures", empty: "No key measures are reported against this priority." })}
${p.keyMeasures.length ? `<p><small>Trend: the baseline (last year's outturn) then each quarter reported this year; the dashed line is the annual target.</small></p>` : ""}
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
th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}thead th{background:#E6E6E6}
tbody th{font-weight:normal}b[class]{display:inline-block;padding:1px 6px;border-radius:3px;white-space:nowrap}
td b{white-space:nowrap}small{font-size:12px;color:#444}.empty{color:#333;font-style:italic}.missing{font-weight:bold;font-style:normal;color:#5C1F00}
.trend{width:${TREND.w}px;height:${TREND.h}px}.trend .l{fill:none;stroke:#0B3954;stroke-width:2;marker-start:url(#dot);marker-mid:url(#dot);marker-end:url(#dot)}.trend .t{stroke:#555;stroke-dasharray:4 3;stroke-width:1}
.trend .nofig{font-size:11px;fill:#333}.defs{position:absolute;width:0;height:0;overflow:hidden}
.counts{font-size:13px}.counts th,.counts td{padding:3px 4px}.counts thead th{hyphens:auto}
.meta{color:#333}nav ul{columns:2}section{break-before:page}#summary{break-before:auto}
@media print{body{max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}}
@page{size:A4 landscape;margin:12mm}
`;

/** One section after the priorities: ELT and Cabinet read every moved target together, each row naming its priority. */
function targetChangesSection(r: Cpor): string {
  const agreed = r.targetChanges.map((c) => [
    esc(c.priority),
    `${esc(c.service)}${c.service ? "<br>" : ""}<small>${esc(c.planId)}</small>`,
    `<b>${esc(c.id)}</b> ${esc(c.name)}`,
    esc(c.field),
    esc(c.was),
    esc(c.now),
    esc(c.agreedBy),
    esc(date(c.agreedOn)),
    esc(c.reason),
  ]);
  const unagreed =
    r.unagreedChanges === null
      ? `<p class="empty">Not checked: this report was made without the BI team's sign-off records, so changes made without agreement could not be looked for.</p>`
      : table(
          "Returns whose signed-off values no longer match the sign-off record",
          ["Plan", "Return", "What the check found"],
          r.unagreedChanges.map((u) => [esc(u.planId), esc(u.returnFile), esc(u.detail)]),
          {
            empty: "None this quarter: every return's signed-off values match the sign-off records.",
          },
        );
  return `<section id="target-changes" aria-labelledby="target-changes-h">
<h2 id="target-changes-h">Changes to targets since sign-off</h2>
<p>Targets, trajectories and approved due dates are fixed when a plan is signed off. A change needs agreement: who agreed it, when and why.</p>
<h3>Agreed changes</h3>
${table("Changes to targets agreed since sign-off", ["Priority", "Service and plan", "Action or measure", "What changed", "Was (signed off)", "Now (agreed)", "Agreed by", "Date agreed", "Why"], agreed, { className: "target-changes", empty: "None this quarter." })}
<h3>Changed without agreement</h3>
${unagreed}
</section>`;
}

export function cporHtml(r: Cpor): string {
  const sections = r.priorities.map(prioritySection).join("\n");
  const nav = r.priorities.map((p) => `<li><a href="#priority-${esc(p.id.replace(/[^A-Za-z0-9-]/g, "-"))}">${esc(p.id)}: ${esc(p.title)}</a></li>`).join("");
  const measureRows = r.measures.map((m) => [
    `<b>${esc(m.id)}</b> ${esc(m.name)}`,
    esc(m.planId),
    num(m.actual, m.unit),
    status(m.rag),
    status(m.direction),
    esc(m.latestPeriod),
    comparatorText(m) || "<small>None held</small>",
  ]);
  const dq = shownDataQuality(r.dataQuality).map((d) => [esc(d.measureId), esc(d.kind), esc(d.detail), esc(`${d.file}${d.sheet ? ` ${d.sheet}` : ""}${d.cell ? `!${d.cell}` : ""}`)]);
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
<style>${CSS}${STATUS_CSS}${FIGURE_CSS}</style>
</head>
<body>
${trendDefs(r.priorities.flatMap((p) => p.keyMeasures.map((m) => m.trend.length)))}
<header>
<h1>${esc(r.council)}: Corporate Plan Overview Report, ${esc(r.period)}</h1>
<p class="meta">Produced ${esc(date(r.generatedOn))}. ${notes.map(esc).join(" ")}</p>
<nav aria-label="Priorities"><ul>${nav}<li><a href="#target-changes">Changes to targets since sign-off</a></li><li><a href="#latest-data">Latest data and comparators</a></li><li><a href="#data-quality">Data quality</a></li></ul></nav>
</header>
<main>
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">At a glance</h2>
${countsTable("Measures by RAG and direction of travel, and actions, by Corporate Plan priority", [...r.priorities.map((p) => p.counts), { ...r.totals, name: "All priorities" }], (row) => (row.group === "All returns" ? "All priorities" : `${row.group}: ${row.name}`))}
<p><small>RAG: Green met, Amber within tolerance, Red missed; M cannot be measured yet. Direction of travel compares with the previous quarter (Q2, Q3) or the baseline (Q1, Q4).</small></p>
</section>
${sections}
${targetChangesSection(r)}
<section id="latest-data" aria-labelledby="latest-data-h">
<h2 id="latest-data-h">Latest data and comparators</h2>
${table(r.hasRegister ? "Every corporate measure in the register: its latest figure, the period it is for, and comparators" : "Every key measure: its latest figure, the period it is for, and comparators (give the measure register for all corporate measures)", ["Measure", "Plan", "Actual", "RAG", "Direction of travel", "Latest data", "Comparators"], measureRows, { className: "latest-data" })}
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
