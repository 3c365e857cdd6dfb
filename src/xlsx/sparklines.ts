// Excel 2010+ sparklines, which ExcelJS neither writes nor keeps: added to the package after ExcelJS
// has written it, as the x14:sparklineGroups extension Excel itself writes at the end of a worksheet.
// Excel 2010 and later and LibreOffice 7.4 and later draw them, with no add-in: the trend stays in
// the file. (office.js has no sparkline API, so inside Excel the pane draws its own trend chart.)
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { TableDesign } from "../workbook/port";
import { sheetParts, xmlEscape } from "./packageParts";
import { cellOrNull, columnLetter } from "../workbook/a1";

/** The extension URI Excel gives sparkline groups. */
export const SPARKLINE_EXT_URI = "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";

export interface Sparkline {
  /** The figures, sheet-qualified: Measures!S2:V2. */
  data: string;
  /** The cell it is drawn in, on the group's sheet: AI2. */
  cell: string;
}

/** ARGB colours, e.g. FF1F4E79. */
export interface SparklineColours {
  series: string;
  negative: string;
  markers: string;
  high: string;
  low: string;
  first: string;
  last: string;
  axis: string;
}

export interface SparklineGroup {
  sheet: string;
  kind: "line" | "column";
  sparklines: Sparkline[];
  colours: SparklineColours;
  /** Line sparklines: a marker on every point, so a single quarter's figure still shows. */
  markers?: boolean;
  /** Mark the highest and lowest points, and the latest (last) one. */
  high?: boolean;
  low?: boolean;
  last?: boolean;
  /** Bars below the axis in the negative colour (column sparklines). */
  negative?: boolean;
  /** Draw the horizontal axis (at zero). */
  axis?: boolean;
  /** Plot cells in hidden rows and columns too. */
  displayHidden?: boolean;
  /** Every sparkline of the group on one scale, so rows compare (default: each on its own). */
  sameScale?: boolean;
  /** Bars start from zero, so their heights compare (default: from the lowest figure, which then shows no bar). */
  fromZero?: boolean;
  /** A fixed scale for every sparkline of the group (e.g. -25 to 25 for % against target); bars beyond it are cut. */
  range?: { min: number; max: number };
}

/** Plain colours that read in print and on screen; red is only ever paired with a label beside it. */
export const TREND_COLOURS: SparklineColours = {
  series: "FF1F4E79",
  negative: "FFC00000",
  markers: "FF1F4E79",
  high: "FF1F4E79",
  low: "FF1F4E79",
  first: "FF1F4E79",
  last: "FFC55A11",
  axis: "FF7F7F7F",
};

/** 'Sheet name'!A1:D1 where the name needs quoting. */
export function sheetRange(sheet: string, range: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!${range}` : `'${sheet.replace(/'/g, "''")}'!${range}`;
}

// ---- Sparklines waiting to be written with a workbook ----

const pending = new WeakMap<ExcelJS.Workbook, SparklineGroup[]>();

/** Keeps a group with the workbook until it is written (writeSparklines). */
export function addSparklineGroup(wb: ExcelJS.Workbook, group: SparklineGroup): void {
  if (group.sparklines.length === 0) return;
  pending.set(wb, [...(pending.get(wb) ?? []), group]);
}

function sparklinesOf(wb: ExcelJS.Workbook): SparklineGroup[] {
  return pending.get(wb) ?? [];
}

// ---- XML ----

const flag = (name: string, on: boolean | undefined) => (on ? ` ${name}="1"` : "");

function sparklineGroupXml(g: SparklineGroup): string {
  const c = g.colours;
  const attrs =
    (g.kind === "column" ? ` type="column"` : "") +
    ` displayEmptyCellsAs="gap"` +
    flag("markers", g.markers && g.kind === "line") +
    flag("high", g.high) +
    flag("low", g.low) +
    flag("last", g.last) +
    flag("negative", g.negative) +
    flag("displayXAxis", g.axis) +
    flag("displayHidden", g.displayHidden) +
    (g.range
      ? ` manualMax="${g.range.max}" manualMin="${g.range.min}" minAxisType="custom" maxAxisType="custom"`
      : (g.fromZero ? ` manualMin="0" minAxisType="custom"` : g.sameScale ? ` minAxisType="group"` : "") + (g.sameScale ? ` maxAxisType="group"` : ""));
  const colour = (tag: string, rgb: string) => `<x14:${tag} rgb="${rgb}"/>`;
  const lines = g.sparklines.map((s) => `<x14:sparkline><xm:f>${xmlEscape(s.data)}</xm:f><xm:sqref>${s.cell}</xm:sqref></x14:sparkline>`).join("");
  return (
    `<x14:sparklineGroup${attrs}>` +
    colour("colorSeries", c.series) +
    colour("colorNegative", c.negative) +
    colour("colorAxis", c.axis) +
    colour("colorMarkers", c.markers) +
    colour("colorFirst", c.first) +
    colour("colorLast", c.last) +
    colour("colorHigh", c.high) +
    colour("colorLow", c.low) +
    `<x14:sparklines>${lines}</x14:sparklines></x14:sparklineGroup>`
  );
}

/** The worksheet extension holding the groups (inner XML of the groups, as written or as lifted from a file). */
function extXml(groupsInner: string): string {
  return `<ext uri="${SPARKLINE_EXT_URI}" xmlns:x14="${X14}"><x14:sparklineGroups xmlns:xm="${XM}">${groupsInner}</x14:sparklineGroups></ext>`;
}

const EXT = /<ext\b[^>]*uri="\{05C60535-1F16-4fd2-B633-F4F36F0B64E0\}"[^>]*>([\s\S]*?)<\/ext>/i;
const GROUPS = /<x14:sparklineGroups\b[^>]*>([\s\S]*?)<\/x14:sparklineGroups>/;

/** Adds the groups' extension to a worksheet's XML: into its extLst, which is always the last child. */
function withSparklines(sheetXml: string, groupsInner: string): string {
  if (groupsInner === "") return sheetXml;
  let xml = sheetXml;
  const existing = EXT.exec(xml);
  if (existing) {
    // Already has sparklines (e.g. kept from the file that was opened): add to its groups.
    const merged = existing[0].replace("</x14:sparklineGroups>", `${groupsInner}</x14:sparklineGroups>`);
    return xml.replace(existing[0], merged);
  }
  xml = xml.includes("</extLst>") ? xml.replace("</extLst>", `${extXml(groupsInner)}</extLst>`) : xml.replace("</worksheet>", `<extLst>${extXml(groupsInner)}</extLst></worksheet>`);
  // The compatibility namespaces Excel declares on a worksheet with 2010 extensions.
  return xml.replace(/<worksheet\b([^>]*)>/, (whole, attrs: string) => {
    let a = attrs;
    if (!/\bxmlns:mc=/.test(a)) a += ` xmlns:mc="${MC}"`;
    if (!/\bxmlns:x14ac=/.test(a)) a += ` xmlns:x14ac="${X14AC}"`;
    if (!/\bmc:Ignorable=/.test(a)) a += ` mc:Ignorable="x14ac"`;
    return a === attrs ? whole : `<worksheet${a}>`;
  });
}

/** Sheet name -> worksheet part path (xl/worksheets/sheetN.xml). */
export async function worksheetPaths(zip: JSZip): Promise<Map<string, string>> {
  return sheetParts((await zip.file("xl/workbook.xml")?.async("string")) ?? "", (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "");
}

/** Writes the groups into their worksheets; a group for a sheet the package does not have is an error. */
async function writeSparklines(zip: JSZip, groups: SparklineGroup[], kept: Map<string, string> = new Map()): Promise<void> {
  if (groups.length === 0 && kept.size === 0) return;
  const paths = await worksheetPaths(zip);
  const bySheet = new Map<string, string>(kept);
  for (const g of groups) bySheet.set(g.sheet, (bySheet.get(g.sheet) ?? "") + sparklineGroupXml(g));
  for (const [sheet, inner] of bySheet) {
    const path = paths.get(sheet);
    if (!path) throw new Error(`sparklines for sheet "${sheet}", which the workbook does not have`);
    const xml = await zip.file(path)!.async("string");
    zip.file(path, withSparklines(xml, inner));
  }
}

/** The sparkline groups a worksheet's XML holds (their XML), to put back when ExcelJS saves it again. */
export function liftSparklines(sheetXml: string): string | undefined {
  // Most sheets have none: a plain search spares the regular expressions.
  if (!sheetXml.includes("sparklineGroups")) return undefined;
  const ext = EXT.exec(sheetXml);
  return (ext ? GROUPS.exec(ext[1])?.[1] : undefined) || undefined;
}

// ---- Sparklines a table design asks for ----

/** One group per TableSparkline: a sparkline in every data row of the table as designed. */
export function tableSparklineGroups(t: TableDesign): SparklineGroup[] {
  const topLeft = cellOrNull(t.topLeft);
  if (!topLeft) throw new Error(`table ${t.name}: top-left ${t.topLeft} is not a cell`);
  const left = topLeft.col - 1;
  const header = topLeft.row;
  const rows = Math.max(1, t.rows.length);
  const at = (h: string) => {
    const i = t.columns.findIndex((c) => c.header === h);
    if (i < 0) throw new Error(`table ${t.name}: sparklines refer to a column "${h}" it does not have`);
    return columnLetter(left + i + 1);
  };
  return (t.sparklines ?? []).map((s) => {
    const [cell, first, last] = [at(s.column), at(s.first), at(s.last)];
    const sparklines: Sparkline[] = [];
    for (let r = header + 1; r <= header + rows; r++) sparklines.push({ data: sheetRange(t.sheet, `${first}${r}:${last}${r}`), cell: `${cell}${r}` });
    if (s.kind === "line") return { sheet: t.sheet, kind: "line", sparklines, colours: TREND_COLOURS, markers: true, last: true };
    // Percentages of target on one scale, ±25%: a miss of a quarter of the target or more fills the cell.
    if (s.kind === "against") return { sheet: t.sheet, kind: "column", sparklines, colours: TREND_COLOURS, negative: true, axis: true, range: { min: -25, max: 25 } };
    return { sheet: t.sheet, kind: "column", sparklines, colours: TREND_COLOURS, last: true, negative: true, axis: true, fromZero: true };
  });
}

// ---- Sparklines kept from an opened file ----

const kept = new WeakMap<ExcelJS.Workbook, Map<string, string>>();

/** Remembers the sparklines a file held (liftSparklines) so saving it again keeps them. */
export function keepSparklines(wb: ExcelJS.Workbook, groups: Map<string, string>): void {
  if (groups.size > 0) kept.set(wb, groups);
}

/** Writes the workbook's sparklines: those kept from its file (unless redrawn for that sheet), then new ones. */
export async function writeWorkbookSparklines(zip: JSZip, wb: ExcelJS.Workbook): Promise<void> {
  const groups = sparklinesOf(wb);
  const redrawn = new Set(groups.map((g) => g.sheet));
  const old = new Map([...(kept.get(wb) ?? new Map<string, string>())].filter(([sheet]) => !redrawn.has(sheet)));
  await writeSparklines(zip, groups, old);
}
