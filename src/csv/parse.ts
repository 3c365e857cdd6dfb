// RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" inside quotes is one "),
// records end with CRLF or LF, and a quoted field may span lines. A UTF-8 BOM is dropped.

interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts (a quoted field may carry it over several lines). */
  line: number;
}

/** Malformed CSV text; `line` is where the problem is, `file` the file when the caller named it. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
    readonly file = "",
  ) {
    super(`${file ? `${file}: ` : ""}line ${line}: ${problem}`);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Parses CSV text into records; blank lines are skipped. Give the file so errors name it. */
export function parseCsvRecords(text: string, file = ""): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let recordLine = 1;
  const n = text.length;

  const endRecord = () => {
    if (!(fields.length === 1 && fields[0] === "")) records.push({ fields, line: recordLine });
    fields = [];
  };

  while (i <= n) {
    if (fields.length === 0) recordLine = line;
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted field: runs to the closing quote, "" is an escaped quote.
      const openedOn = line;
      let value = "";
      let from = ++i;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(openedOn, 'a quoted value is never closed (missing ")', file);
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            value += text.slice(from, i + 1);
            i += 2;
            from = i;
            continue;
          }
          value += text.slice(from, i);
          i++;
          break;
        }
        if (c === LF) line++;
        i++;
      }
      fields.push(value);
      const next = text.charCodeAt(i);
      if (i < n && next !== COMMA && next !== LF && next !== CR) {
        throw new CsvSyntaxError(line, `unexpected text after a closing quote: ${JSON.stringify(text.slice(i, i + 10))}`, file);
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        j++;
      }
      fields.push(text.slice(i, j));
      i = j;
    }
    // i is at a comma, a line end, or the end of the text.
    if (i >= n) {
      endRecord();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i === n) {
        fields.push("");
        endRecord();
        break;
      }
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    endRecord();
    if (i === n) break;
  }
  return records;
}

/** The records as plain rows of fields; the first row is normally the header. */
export function parseCsv(text: string, file = ""): string[][] {
  return parseCsvRecords(text, file).map((r) => r.fields);
}

type CsvValue = string | number | boolean | null | undefined;

function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows as RFC 4180 CSV (CRLF line ends, quoting only where needed; null is an empty field). */
export function toCsv(rows: CsvValue[][]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + (rows.length > 0 ? "\r\n" : "");
}

/** parseCsv, naming the file in a syntax error ("measures.csv: line 7: ..."). */
export function parseCsvFile(text: string, file: string): string[][] {
  return parseCsv(text, file);
}
