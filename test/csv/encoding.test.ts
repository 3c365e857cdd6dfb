// The encoding of a CSV or JSON file, decided from its bytes: every text survives every encoding
// Excel writes, a guess is said, and no character is ever replaced silently.
import fc from "fast-check";
import { decodeText, firstInvalidUtf8, TextEncodingError } from "../../src/csv/encoding";
import { CsvSyntaxError, parseCsv } from "../../src/csv/parse";

const bom = { utf8: [0xef, 0xbb, 0xbf], le: [0xff, 0xfe], be: [0xfe, 0xff] };
const utf16be = (text: string) => {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};
const bytes = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((p) => [...p]));
/** Whole strings of full code points (no lone surrogates: those are not text in any encoding). */
const text = fc.string({ unit: "grapheme", maxLength: 60 });

test("UTF-8, UTF-16LE and UTF-16BE with their byte order marks read back exactly", () => {
  fc.assert(
    fc.property(text, (t) => {
      expect(decodeText(bytes(bom.utf8, Buffer.from(t, "utf8")), "f.csv")).toEqual({ text: t, encoding: "utf-8" });
      expect(decodeText(bytes(bom.le, Buffer.from(t, "utf16le")), "f.csv")).toEqual({ text: t, encoding: "utf-16le" });
      expect(decodeText(bytes(bom.be, utf16be(t)), "f.csv")).toEqual({ text: t, encoding: "utf-16be" });
    }),
  );
});

test("UTF-8 without a BOM reads back exactly and says nothing", () => {
  fc.assert(
    fc.property(text, (t) => {
      const d = decodeText(new Uint8Array(Buffer.from(t, "utf8")), "f.csv");
      // Text whose every other byte is zero would read as UTF-16; such text is never a CSV.
      fc.pre(d.encoding === "utf-8");
      expect(d).toEqual({ text: t, encoding: "utf-8" });
    }),
  );
});

test("Windows-1252 (Excel's 'CSV (Comma delimited)'): £, € and accents read right, with a note naming file, line and column", () => {
  // £ A3, é E9, ë EB, € 80 in Windows-1252.
  const file = bytes(Buffer.from("id,lead_officer\r\nA1,Zo"), [0xeb], Buffer.from(" Bront"), [0xeb], Buffer.from(", budget "), [0xa3, 0x35, 0x20, 0x80]);
  const d = decodeText(file, "actions.csv");
  expect(d.text).toBe("id,lead_officer\r\nA1,Zoë Brontë, budget £5 €");
  expect(d.encoding).toBe("windows-1252");
  expect(d.note).toMatch(/^actions\.csv: not UTF-8 \(byte 0xEB at line 2, column 6\), so read as Windows-1252/);
  expect(d.text).not.toContain("\ufffd");
});

test("any Latin-1 text saved as Windows-1252 that is not also UTF-8 reads back exactly (never a U+FFFD)", () => {
  const latin = fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 40 });
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom("a", "b", ",", " ", "\n"), maxLength: 10 }), latin, (ascii, high) => {
      const t = ascii + high;
      const raw = new Uint8Array([...t].map((c) => c.charCodeAt(0)));
      // Bytes that happen to be valid UTF-8 (e.g. Ã© is C3 A9) are UTF-8: no file says otherwise.
      fc.pre(firstInvalidUtf8(raw) >= 0);
      const d = decodeText(raw, "x.csv");
      expect(d.text).toBe(t);
    }),
  );
});

test("UTF-16 without a BOM is recognised by its zero bytes, and said", () => {
  const d = decodeText(new Uint8Array(Buffer.from("id,action\r\nA1,Cut waiting times\r\n", "utf16le")), "u.csv");
  expect(d).toMatchObject({ text: "id,action\r\nA1,Cut waiting times\r\n", encoding: "utf-16le", note: expect.stringMatching(/^u\.csv: read as UTF-16LE/) });
});

test("bytes that are text in no encoding we read are refused at their line and column, never replaced", () => {
  const e = (() => {
    try {
      decodeText(bytes(Buffer.from("id,action\nA1,Reduce"), [0x81], Buffer.from("\n")), "bad.csv");
    } catch (err) {
      return err as TextEncodingError;
    }
    throw new Error("accepted");
  })();
  expect(e).toBeInstanceOf(TextEncodingError);
  expect(e.message).toBe('bad.csv: line 2, column 10: byte 0x81 is not a character in UTF-8 or in Windows-1252; save the file again as "CSV UTF-8"');
  expect(() => decodeText(bytes(bom.utf8, Buffer.from("ok\n"), [0xff]), "b.csv")).toThrow(/^b\.csv: line 2, column 1: the file says it is UTF-8/);
  expect(() => decodeText(bytes(bom.le, [0x41]), "odd.csv")).toThrow(/^odd\.csv: .*half a character/);
});

test("firstInvalidUtf8 agrees with the platform's strict decoder", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 30 }), (b) => {
      let strictOk = true;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(b);
      } catch {
        strictOk = false;
      }
      expect(firstInvalidUtf8(b) < 0).toBe(strictOk);
    }),
  );
});

test("a CSV syntax error names the file when the reader knows it", () => {
  expect(() => parseCsv('a,b\n1,"never closed\n', "measures.csv")).toThrow(new CsvSyntaxError(2, 'a quoted value is never closed (missing ")', "measures.csv"));
  expect(() => parseCsv('a,b\n1,"never closed\n', "measures.csv")).toThrow(/^measures\.csv: line 2: a quoted value is never closed/);
});
