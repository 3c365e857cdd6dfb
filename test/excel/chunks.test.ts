// Sizing and splitting of big writes: the estimates must match what JSON really costs.
import fc from "fast-check";
import { blockBytesFor, COMMAND_OVERHEAD_BYTES, jsonBytes, packRequests, splitRows, utf8Bytes } from "../../src/excel/chunks";

const cell = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));

describe("byte estimates", () => {
  test("utf8Bytes and jsonBytes equal what Buffer measures", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => utf8Bytes(s) === Buffer.byteLength(s, "utf8")),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }), (rows) => jsonBytes(rows) === Buffer.byteLength(JSON.stringify(rows), "utf8")),
      { numRuns: 1000 },
    );
  });
});

describe("splitRows", () => {
  test("blocks keep every row in order, each within the limit unless a single row is larger", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 60 }), fc.integer({ min: 20, max: 400 }), (rows, max) => {
        const blocks = splitRows(rows, max);
        expect(blocks.flatMap((b) => b.rows)).toEqual(rows);
        let next = 0;
        for (const b of blocks) {
          expect(b.start).toBe(next);
          next += b.rows.length;
          expect(b.bytes).toBe(jsonBytes(b.rows));
          if (b.rows.length > 1) expect(b.bytes).toBeLessThanOrEqual(max);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test("a row bigger than the limit travels alone", () => {
    const rows = [["a"], ["x".repeat(500)], ["b"]];
    expect(splitRows(rows, 100).map((b) => b.rows.length)).toEqual([1, 1, 1]);
    expect(() => splitRows(rows, 0)).toThrow(/maxBytes must be positive/);
  });
});

describe("packRequests", () => {
  test("keeps order and stays within the limit, counting each command's overhead", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ bytes: fc.integer({ min: 0, max: 3000 }), commands: fc.integer({ min: 1, max: 4 }) }), { maxLength: 80 }), (steps) => {
        const limit = 10_000;
        const requests = packRequests(steps, limit);
        expect(requests.flat()).toEqual(steps);
        for (const r of requests) {
          const size = r.reduce((n, s) => n + s.bytes + COMMAND_OVERHEAD_BYTES * s.commands, 0);
          if (r.length > 1) expect(size).toBeLessThanOrEqual(limit);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test("row blocks are a quarter of a request, so four pack into one", () => {
    expect(blockBytesFor()).toBe(256 * 1024);
    expect(blockBytesFor(256 * 1024)).toBe(48 * 1024);
  });
});
