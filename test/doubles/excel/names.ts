// Defined names in the Excel double.
import type { FakeRequestContext } from "./context";
import { FakeError, NOT_LOADED, boxAddress, quoteSheet } from "./model";
import type { Box, FakeName } from "./model";
import { parseLoad, NOT_FOUND, ClientObject } from "./clientObject";
import type { LoadSpec } from "./clientObject";
import { FakeRange } from "./range";
import type { RangeTarget } from "./range";
import { loadItems } from "./worksheet";

const DEFINED_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

class FakeNamedItem extends ClientObject<FakeName> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => FakeName | null,
    orNull = false,
  ) {
    super(context, path, orNull);
  }
  protected find(): FakeName | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (n: FakeName) => unknown> {
    return {
      name: (n) => n.name,
      formula: (n) => n.formula,
      comment: (n) => n.comment,
      type: (n) => (this.rangeOf(n) ? "Range" : "String"),
      value: (n) => n.formula.replace(/^=/, ""),
      visible: () => true,
    };
  }
  private rangeOf(n: FakeName): RangeTarget | null {
    try {
      return this.context.model.resolveReference(n.formula);
    } catch {
      return null;
    }
  }
  get name(): string {
    return this.readLoaded("name");
  }
  get formula(): string {
    return this.readLoaded("formula");
  }
  get type(): string {
    return this.readLoaded("type");
  }
  get value(): string {
    return this.readLoaded("value");
  }
  get comment(): string {
    return this.readLoaded("comment");
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRange()`, () => {
      const n = this.target();
      const r = this.rangeOf(n);
      if (!r) throw new FakeError("InvalidOperation", `The name "${n.name}" does not refer to a range.`);
      return r;
    });
  }
  getRangeOrNullObject(): FakeRange {
    this.context.requireApi("1.4", "NamedItem.getRangeOrNullObject");
    return new FakeRange(
      this.context,
      `${this.path}.getRangeOrNullObject()`,
      () => {
        const n = this.find();
        return n ? this.rangeOf(n) : null;
      },
      true,
    );
  }
  delete(): void {
    this.queueCall("delete", [], (n) => {
      const names = this.context.model.names;
      names.splice(names.indexOf(n), 1);
    });
  }
}

export class FakeNamedItemCollection extends ClientObject<FakeName[]> {
  private itemList?: FakeNamedItem[];
  protected find(): FakeName[] {
    return this.context.model.names;
  }
  protected scalars(): Record<string, (n: FakeName[]) => unknown> {
    return { count: (n) => n.length };
  }
  get count(): number {
    return this.readLoaded("count");
  }
  override load(spec?: LoadSpec): this {
    const names = parseLoad(spec, ["name"]).map((n) => n.replace(/^items\//, ""));
    if (names.includes("formula")) this.context.requireApi("1.7", "NamedItem.formula");
    loadItems(
      this.context,
      "names",
      () => this.context.model.names,
      (n) => new FakeNamedItem(this.context, `names.getItem(${n.name})`, () => (this.context.model.names.includes(n) ? n : null)),
      names,
      (items) => (this.itemList = items),
    );
    return this;
  }
  get items(): FakeNamedItem[] {
    if (!this.itemList) throw NOT_LOADED("items");
    return this.itemList;
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, `names.getItem(${name})`, () => {
      const n = this.context.model.findName(name);
      if (!n) throw NOT_FOUND(`name "${name}"`, "NamedItemCollection.getItem");
      return n;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    this.context.requireApi("1.4", "NamedItemCollection.getItemOrNullObject");
    return new FakeNamedItem(this.context, `names.getItemOrNullObject(${name})`, () => this.context.model.findName(name) ?? null, true);
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    this.context.requireApi("1.4", "NamedItemCollection.add");
    let created: FakeName | null = null;
    const ref = typeof reference === "string" ? reference : "(range)";
    this.queueCall("add", [name, ref, comment ?? ""], () => {
      const model = this.context.model;
      if (!DEFINED_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name))
        throw new FakeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: name "${name}".`);
      if (model.findName(name) || model.findTable(name)) throw new FakeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${name}".`);
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const t = (reference as FakeRange).resolveAtSync();
        formula = `=${quoteSheet(t.sheet.name)}!${absolute(t.box)}`;
      }
      created = { name, formula, comment: comment ?? "" };
      model.names.push(created);
    });
    return new FakeNamedItem(this.context, `names.add(${name})`, () => created);
  }
}

function absolute(box: Box): string {
  return boxAddress(box).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

// ---------------------------------------------------------------- workbook, application, runtime
