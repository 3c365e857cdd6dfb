// A1 addresses <-> row/column numbers, kept here so the adapter does not lean on ExcelJS internals.

export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

export function parseAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`"${address}" is not a cell address like B7`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

export function parseRange(range: string): { start: { row: number; col: number }; end: { row: number; col: number } } {
  const [a, b] = range.replace(/^.*!/, "").split(":");
  const start = parseAddress(a);
  return { start, end: b ? parseAddress(b) : start };
}
