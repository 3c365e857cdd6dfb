// How tall a row must be for its wrapped text. Excel and LibreOffice keep a row at the height a file
// gives it, so a plan written with long text must say how tall each row is, or the text spills
// over the row below on paper. Widths are DejaVu Sans's (what LibreOffice draws Arial with when
// Arial is missing): wider than Arial, so the estimate is never short in Excel either.

/** The one font family of every workbook and report we write. */
export const FONT_NAME = "Arial";
/** Body text size in points; at the print scale below it prints at 8 pt. */
export const FONT_SIZE = 10;
/** Print scale (%) of table sheets: FONT_SIZE x PRINT_SCALE / 100 = 8 pt, the smallest readable print. */
export const PRINT_SCALE = 80;
/** Points per line of FONT_SIZE text (Excel's own default row is 12.75 pt for 10 pt Arial). */
const LINE_HEIGHT = 12.75;
/** Excel's default row height, for rows of one line. */
const DEFAULT_ROW_HEIGHT = 15;
/** Excel's ceiling for a row height, in points. */
const MAX_ROW_HEIGHT = 409;

// Advance widths of ASCII 32..126 in thousandths of an em (DejaVu Sans and DejaVu Sans Bold).
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575,
  775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974,
  634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683,
  821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042,
  712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];
/** Anything else (accents, ticks, £): a wide letter's width, to stay on the safe side. */
const OTHER = 780;

/** Width of `text` in points at `size` points. */
export function textWidth(text: string, size = FONT_SIZE, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let thousandths = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    thousandths += code >= 32 && code <= 126 ? table[code - 32] : OTHER;
  }
  return (thousandths / 1000) * size;
}

/** A column width in characters (Excel's unit: 7 px per character plus 5 px) as points of room for text. */
export function columnRoom(widthInCharacters: number): number {
  // 96 px = 72 pt; leave the cell's 2 px padding each side and 2 px for rounding between programs.
  return Math.max(1, (widthInCharacters * 7 + 5 - 6) * 0.75);
}

/** The narrowest column (characters) in which no word of `text` has to break, e.g. a bold header. */
export function widthForWords(text: string, bold = false, size = FONT_SIZE): number {
  const widest = Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, size, bold)));
  return Math.ceil((widest / 0.75 + 1) / 7);
}

/** Lines `text` wraps to in a column of this width (word wrap; a word longer than a line is broken). */
function wrappedLines(text: string, widthInCharacters: number, size = FONT_SIZE, bold = false): number {
  const room = columnRoom(widthInCharacters);
  const space = textWidth(" ", size, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === "") continue;
      let w = textWidth(word, size, bold);
      const needed = used === 0 ? w : used + space + w;
      if (needed <= room) {
        used = needed;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the column breaks across lines.
      while (w > room) {
        lines++;
        w -= room;
      }
      used = w;
    }
  }
  return Math.max(1, lines);
}

export interface FitCell {
  text: string;
  /** Column width in characters. */
  width: number;
  wrap: boolean;
  size?: number;
  bold?: boolean;
}

/** The row height (points) that shows every wrapped cell's text in full; never below Excel's default. */
export function rowHeightFor(cells: readonly FitCell[]): number {
  let height = DEFAULT_ROW_HEIGHT;
  for (const c of cells) {
    if (c.text === "") continue;
    const size = c.size ?? FONT_SIZE;
    const lines = c.wrap ? wrappedLines(c.text, c.width, size, c.bold) : 1;
    height = Math.max(height, lines * LINE_HEIGHT * (size / FONT_SIZE) + 3);
  }
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(height * 4) / 4);
}

/** The text a cell shows for a value (dates and numbers are short: one line). */
export function shownText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}
