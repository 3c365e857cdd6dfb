// A small RFC 4180 writer and reader for return CSVs: comma separated, CRLF line ends, fields quoted
// when they hold a comma, quote, CR or LF, quotes doubled. Kept here so the QSR files do not depend on
// the plan CSV module's conventions (UTF-8 BOM, header names) changing under them.

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsvText(rows: string[][]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** Parses CSV text into rows of fields; a leading UTF-8 BOM is dropped. Throws on an unclosed quote. */
export function parseCsvText(text: string, file = "CSV"): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let line = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '"' && field === "") {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`${file}: line ${startLine}: a quoted field is never closed`);
        const d = src[i];
        if (d === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === "\n") line++;
        field += d;
        i++;
      }
      continue;
    }
    if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" || c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (c === "\r" && src[i + 1] === "\n") i++;
      line++;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
