// Paper for every workbook we write with ExcelJS (plans, QSR returns, the roll-up): one font family,
// rows tall enough for their wrapped text, A4 with a title on every page, print areas, repeated
// titles, and status cells as word plus colour from the one palette.
import ExcelJS from "exceljs";
import { columnLetter, parseBox } from "../workbook/a1";
import { PrintDesign } from "../workbook/port";
import { shareStyles } from "./shareStyles";
import { StatusColour } from "../workbook/statusPalette";
import { FitCell, FONT_NAME, FONT_SIZE, rowHeightFor, shownText } from "../workbook/textFit";

const A4 = 9;
/** A cell no one types in, for a sheet left out of the print: an empty print area prints no page. */
const NOTHING = "A$1048576:A$1048576";

export function font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size: FONT_SIZE, ...extra };
}

/** A font in the one family, keeping the given font's bold, size and colour. */
function inFamily(current: Partial<ExcelJS.Font>, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { ...current, name: FONT_NAME, size: current.size && current.size !== 11 ? current.size : FONT_SIZE, ...extra };
}

/** Every cell the sheet holds in the one font family (labels and values alike). */
export function unifyFont(ws: ExcelJS.Worksheet): void {
  // A column's cells share its font object: they share the new one too (so the writer renders it once).
  const plain = inFamily({});
  const unified = new WeakMap<Partial<ExcelJS.Font>, Partial<ExcelJS.Font>>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const current = cell.font;
      if (!current) return void (cell.font = plain);
      let font = unified.get(current);
      if (!font) unified.set(current, (font = inFamily(current)));
      cell.font = font;
    }),
  );
}

function headerText(s: string): string {
  return s.replace(/&/g, "&&");
}

/** "A1:B20" -> "A$1:B$20": ExcelJS puts "$" only before the column, and LibreOffice ignores "$A1:$B20". */
function absoluteArea(area: string): string {
  let box;
  try {
    box = parseBox(area);
  } catch {
    throw new Error(`print area "${area}" is not a range like A1:B20`);
  }
  return `${columnLetter(box.left)}$${box.top}:${columnLetter(box.right)}$${box.bottom}`;
}

export function applyPrint(ws: ExcelJS.Worksheet, print: PrintDesign): void {
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: A4,
    orientation: print.landscape ? "landscape" : "portrait",
    fitToPage: print.fitToWidth,
    pageOrder: "overThenDown",
    printTitlesRow: print.repeatRows,
    printTitlesColumn: print.repeatColumns,
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  if (print.fitToWidth) Object.assign(setup, { fitToWidth: 1, fitToHeight: 0 });
  else setup.scale = print.scale ?? 100;
  if (print.area !== undefined) setup.printArea = print.area === null ? NOTHING : absoluteArea(print.area);
  ws.pageSetup = { ...ws.pageSetup, ...setup } as ExcelJS.PageSetup;
  // Printed plans are read in meetings: say what the document is and where each page sits.
  ws.headerFooter = {
    oddHeader: print.title ? `&L&"${FONT_NAME},Bold"&9${headerText(print.title)}` : "",
    oddFooter: `&L&"${FONT_NAME},Regular"&8&A&R&"${FONT_NAME},Regular"&8Page &P of &N`,
  } as ExcelJS.HeaderFooter;
}

/** Sets each row from `firstRow` to `lastRow` tall enough for its wrapped cells (columns' widths as set on the sheet). */
export function fitRowHeights(ws: ExcelJS.Worksheet, firstRow: number, lastRow: number): void {
  // A row is as tall as its tallest cell. Texts repeat down a column (statuses, reasons, officers), so
  // a wrapped text's height in the column's width and the usual font is worked out once per column.
  const columns = new Map<number, { width: number; heights: Map<string, number> }>();
  for (let r = firstRow; r <= lastRow; r++) {
    const row = ws.getRow(r);
    let tallest = 0;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cell.value instanceof Date ? "00/00/0000" : shownText(cell.value);
      if (text === "") return;
      let column = columns.get(col);
      if (!column) columns.set(col, (column = { width: ws.getColumn(col).width ?? 9, heights: new Map() }));
      const fit: FitCell = { text, width: column.width, wrap: cell.alignment?.wrapText ?? false, size: cell.font?.size, bold: cell.font?.bold };
      const usual = fit.wrap && !fit.bold && (fit.size === undefined || fit.size === FONT_SIZE);
      let h = usual ? column.heights.get(text) : undefined;
      if (h === undefined) {
        h = rowHeightFor([fit]);
        if (usual) column.heights.set(text, h);
      }
      if (h > tallest) tallest = h;
    });
    if (tallest > 15) row.height = tallest;
  }
}

/** Fills a status cell with its palette colour; the word stays in the cell, so colour is never the only signal. */
export function colourStatus(cell: ExcelJS.Cell, colour: StatusColour | undefined): void {
  if (!colour) return;
  // One fill and one font object per colour (and font it starts from), shared by every cell so coloured.
  let styles = colourStyles.get(colour);
  if (!styles) colourStyles.set(colour, (styles = { fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${colour.fill}` } }, fonts: new WeakMap() }));
  const extra = { bold: true, color: { argb: `FF${colour.font}` } };
  const current = cell.font;
  let font = current ? styles.fonts.get(current) : styles.plainFont;
  if (!font) {
    font = inFamily(current ?? {}, extra);
    if (current) styles.fonts.set(current, font);
    else styles.plainFont = font;
  }
  cell.fill = styles.fill;
  cell.font = font;
}

const colourStyles = new WeakMap<StatusColour, { fill: ExcelJS.Fill; fonts: WeakMap<Partial<ExcelJS.Font>, Partial<ExcelJS.Font>>; plainFont?: Partial<ExcelJS.Font> }>();

/**
 * Makes the workbook's default font (the Normal style: empty cells, anything typed later, and the unit
 * of column widths) the one family too. ExcelJS always writes Calibri 11 with the theme's font scheme.
 */
export function defaultFontXml(stylesXml: string): string {
  return stylesXml.replace(/<font>[\s\S]*?<\/font>/, `<font><sz val="${FONT_SIZE}"/><color theme="1"/><name val="${FONT_NAME}"/><family val="2"/></font>`);
}

/** Writes an ExcelJS workbook (whose cells then share style objects: edit no cell after) with the one default font; returns the bytes (a Uint8Array, so the pane can use it too). */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const JSZip = (await import("jszip")).default;
  shareStyles(wb);
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  await (await import("./sparklines")).writeWorkbookSparklines(zip, wb);
  const styles = await zip.file("xl/styles.xml")?.async("string");
  if (styles) zip.file("xl/styles.xml", defaultFontXml(styles));
  // Formula-like text stays text (quote-prefix style); no cell over Excel's 32,767 characters.
  await (await import("./quotePrefix")).quotePrefixFormulaText(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
