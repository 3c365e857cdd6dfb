// A streaming XML tokenizer for the parts of an .xlsx package: text arrives in chunks (a sheet of
// 200,000 rows is hundreds of megabytes of XML) and is handed on as open tags, close tags and text,
// with no DOM and nothing held beyond one unfinished tag. Enough XML for what Excel writes: no DTDs
// (refused, as the opener refuses them), comments and processing instructions skipped, CDATA as text.
// Plain strings only (no Node APIs).

export interface XmlHandler {
  /** A start tag; attrs is the raw text after the name (entities not decoded). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between tags (entities not decoded); one run of text may come in several pieces. */
  text(raw: string): void;
  /** The content of a CDATA section (already plain text). */
  cdata(text: string): void;
}

/** The XML is not what an Excel part can be; the message says why (the caller names the part). */
export class XmlRefused extends Error {}

// A tag longer than this is no tag Excel writes; holding more would let a file without a ">" grow the carry without bound.
const MAX_TAG = 1 << 20;

export class XmlTokenizer {
  private carry = "";

  constructor(private readonly handler: XmlHandler) {}

  feed(chunk: string): void {
    const s = this.carry ? this.carry + chunk : chunk;
    this.carry = "";
    const h = this.handler;
    let i = 0;
    while (i < s.length) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        // Text runs on into the next chunk; an entity cut in two ("&am" | "p;") waits for its end.
        const amp = s.lastIndexOf("&");
        const cut = amp >= i && s.indexOf(";", amp) < 0 ? amp : s.length;
        if (cut > i) h.text(i === 0 && cut === s.length ? s : s.slice(i, cut));
        if (cut < s.length) this.keep(s, cut);
        return;
      }
      if (lt > i) h.text(s.slice(i, lt));
      const next = s.charCodeAt(lt + 1);
      let end: number;
      if (next === 33 /* ! */) end = this.declaration(s, lt);
      else {
        const gt = s.indexOf(">", lt + 1);
        if (gt < 0) end = -1;
        else {
          end = gt + 1;
          if (next === 47 /* / */) h.close(s.slice(lt + 2, gt).trim());
          else if (next !== 63 /* ? a processing instruction */) {
            const selfClosing = s.charCodeAt(gt - 1) === 47;
            const body = s.slice(lt + 1, selfClosing ? gt - 1 : gt);
            const space = body.search(/\s/);
            h.open(space < 0 ? body : body.slice(0, space), space < 0 ? "" : body.slice(space), selfClosing);
          }
        }
      }
      if (end < 0) {
        // The tag continues in the next chunk.
        this.keep(s, lt);
        return;
      }
      i = end;
    }
  }

  private keep(s: string, from: number): void {
    if (s.length - from > MAX_TAG) throw new XmlRefused(`it has a tag or entity longer than ${MAX_TAG.toLocaleString("en-GB")} characters`);
    this.carry = s.slice(from);
  }

  /** "<!" at lt: a comment or CDATA (its end, or -1 when it continues), or a DTD (refused). */
  private declaration(s: string, lt: number): number {
    if (s.startsWith("<!--", lt)) {
      const e = s.indexOf("-->", lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      const e = s.indexOf("]]>", lt + 9);
      if (e < 0) return -1;
      this.handler.cdata(s.slice(lt + 9, e));
      return e + 3;
    }
    if (s.length - lt < 9 && ("<![CDATA[".startsWith(s.slice(lt)) || "<!--".startsWith(s.slice(lt)))) return -1;
    throw new XmlRefused("it declares a DTD or entities, which no Excel workbook does (refused: entity expansion can exhaust memory)");
  }

  /** The end of the part: a tag left open is a damaged part. */
  end(): void {
    if (this.carry.trim()) throw new XmlRefused("it ends in the middle of a tag (the part is damaged)");
  }
}

/** The value of one attribute in a tag's raw attribute text, undecoded; undefined when absent. */
export function rawAttr(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at < 0) {
    const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
    return m ? (m[1] ?? m[2]) : undefined;
  }
  const start = at + name.length + 3;
  return attrs.slice(start, attrs.indexOf('"', start));
}
