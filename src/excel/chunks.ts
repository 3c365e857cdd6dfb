// Excel on the web rejects a request over 5 MB, and a request is everything queued between two
// context.sync() calls. These helpers estimate the JSON size of what we queue and split big
// writes into row blocks, so the adapter can pack blocks into requests that stay under 4 MB.

/** Our ceiling for one request: 4 MB leaves headroom under the host's 5 MB limit. */
export const REQUEST_LIMIT_BYTES = 4 * 1024 * 1024;

/** Room kept in every request for object paths and small commands we do not size exactly. */
export const REQUEST_MARGIN_BYTES = 64 * 1024;

/** Rows go out in blocks of about this size, so blocks pack tightly into 4 MB requests. */
const BLOCK_TARGET_BYTES = 256 * 1024;

/** What one queued command costs beyond its argument (action id, object paths, property name). */
export const COMMAND_OVERHEAD_BYTES = 200;

/** Row blocks for a request limit: a quarter of a request each, so blocks pack with little waste. */
export function blockBytesFor(requestLimitBytes = REQUEST_LIMIT_BYTES): number {
  return Math.max(1024, Math.min(BLOCK_TARGET_BYTES, Math.floor((requestLimitBytes - REQUEST_MARGIN_BYTES) / 4)));
}

/** UTF-8 byte length of a string, without Node's Buffer (this also runs in the task pane). */
export function utf8Bytes(text: string): number {
  if (/^[\x00-\x7f]*$/.test(text)) return text.length; // the common case, done natively
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of JSON.stringify(value) in UTF-8. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

/** Bytes of one row as a JSON array, plus the "," (or closing "]") after it. */
function rowBytes(row: readonly unknown[]): number {
  return jsonBytes(row) + 1;
}

export interface RowBlock<T> {
  /** Index of the block's first row within the rows given. */
  start: number;
  rows: T[][];
  /** Estimated JSON bytes of `rows`. */
  bytes: number;
}

/**
 * Splits rows into consecutive blocks of at most `maxBytes` of JSON each. A single row larger
 * than `maxBytes` travels alone (a row cannot be split across requests).
 */
export function splitRows<T>(rows: T[][], maxBytes = BLOCK_TARGET_BYTES): RowBlock<T>[] {
  if (!(maxBytes > 0)) throw new Error(`splitRows: maxBytes must be positive, not ${maxBytes}`);
  const blocks: RowBlock<T>[] = [];
  let start = 0;
  let bytes = 1; // "[" here; each row brings its "," or the closing "]"
  for (let i = 0; i < rows.length; i++) {
    const size = rowBytes(rows[i]);
    if (i > start && bytes + size > maxBytes) {
      blocks.push({ start, rows: rows.slice(start, i), bytes });
      start = i;
      bytes = 1;
    }
    bytes += size;
  }
  if (rows.length > start) blocks.push({ start, rows: rows.slice(start), bytes });
  return blocks;
}

/** A unit of work for one request: queues its commands on the context; `bytes` is its estimated size. */
export interface RequestStep<C> {
  bytes: number;
  /** How many office.js commands `queue` issues (each costs COMMAND_OVERHEAD_BYTES); 1 if absent. */
  commands?: number;
  /** Creates sheets or writes plain values only, so it may go out before apply() has checked the workbook. */
  early?: boolean;
  queue: (context: C) => void;
}

/**
 * Packs steps, in order, into requests whose estimated size stays within `limit`. A step larger
 * than the limit on its own still gets a request of its own (the caller keeps steps small).
 */
export function packRequests<S extends { bytes: number; commands?: number }>(steps: S[], limit = REQUEST_LIMIT_BYTES - REQUEST_MARGIN_BYTES): S[][] {
  const requests: S[][] = [];
  let current: S[] = [];
  let bytes = 0;
  for (const step of steps) {
    const size = step.bytes + COMMAND_OVERHEAD_BYTES * (step.commands ?? 1);
    if (current.length > 0 && bytes + size > limit) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
