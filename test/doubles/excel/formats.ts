// Range formats in the Excel double: fonts, fills, wrap, locking, data validation and conditional formats.
import type { FakeRequestContext } from "./context";
import { FakeError, PROTECTED, overlaps } from "./model";
import type { FakeCell, FakeConditionalFormat, FakeValidationArea } from "./model";
import { ClientObject } from "./clientObject";
import { rows, cols, checkFormatAllowed } from "./range";
import type { RangeTarget } from "./range";

export class FakeRangeFormat extends ClientObject<RangeTarget> {
  readonly font: FakeStyleColour;
  readonly fill: FakeStyleColour;
  readonly protection: FakeFormatProtection;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => RangeTarget | null,
  ) {
    super(context, path);
    this.font = new FakeStyleColour(context, `${path}.font`, resolve, "font");
    this.fill = new FakeStyleColour(context, `${path}.fill`, resolve, "fill");
    this.protection = new FakeFormatProtection(context, `${path}.protection`, resolve);
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    return {
      columnWidth: (t) => t.sheet.columnWidths.get(t.box.c1) ?? 48,
      wrapText: (t) => t.sheet.cell(t.box.r1, t.box.c1)?.wrap ?? false,
    };
  }
  get columnWidth(): number {
    return this.readLoaded("columnWidth");
  }
  set columnWidth(points: number) {
    this.queueSet("columnWidth", points, (t) => {
      checkFormatAllowed(t, "allowFormatColumns");
      for (let c = t.box.c1; c <= t.box.c2; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  get wrapText(): boolean {
    return this.readLoaded("wrapText");
  }
  set wrapText(wrap: boolean) {
    this.queueSet("wrapText", wrap, (t) => {
      checkFormatAllowed(t, "allowFormatCells");
      eachCell(t, (cell) => (cell.wrap = wrap));
    });
  }
  autofitColumns(): void {
    this.queueCall("autofitColumns", [], () => undefined);
  }
}

function eachCell(t: RangeTarget, fn: (cell: FakeCell) => void): void {
  if (rows(t.box) * cols(t.box) > 2_000_000)
    throw new FakeError("OperationCellsExceedLimit", "The operation attempted affects more than the limit of 33554000 cells (the double caps per-cell formats at 2,000,000).");
  for (let r = t.box.r1; r <= t.box.r2; r++) for (let c = t.box.c1; c <= t.box.c2; c++) fn(t.sheet.touch(r, c));
}

class FakeStyleColour extends ClientObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => RangeTarget | null,
    private readonly part: "font" | "fill",
  ) {
    super(context, path);
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    const first = (t: RangeTarget) => t.sheet.cell(t.box.r1, t.box.c1);
    return {
      color: (t) => (this.part === "font" ? first(t)?.fontColor : first(t)?.fillColor) ?? null,
      bold: (t) => first(t)?.bold ?? false,
    };
  }
  get color(): string {
    return this.readLoaded("color");
  }
  set color(colour: string) {
    this.queueSet("color", colour, (t) => {
      checkFormatAllowed(t, "allowFormatCells");
      eachCell(t, (cell) => (this.part === "font" ? (cell.fontColor = colour) : (cell.fillColor = colour)));
    });
  }
  get bold(): boolean {
    return this.readLoaded("bold");
  }
  set bold(bold: boolean) {
    this.queueSet("bold", bold, (t) => {
      checkFormatAllowed(t, "allowFormatCells");
      eachCell(t, (cell) => (cell.bold = bold));
    });
  }
}

class FakeFormatProtection extends ClientObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => RangeTarget | null,
  ) {
    super(context, path);
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    return { locked: (t) => t.sheet.cell(t.box.r1, t.box.c1)?.locked !== false };
  }
  get locked(): boolean {
    return this.readLoaded("locked");
  }
  set locked(locked: boolean) {
    this.queueSet("locked", locked, (t) => {
      if (t.sheet.protection.protected) throw PROTECTED();
      eachCell(t, (cell) => (cell.locked = locked));
    });
  }
}

export class FakeDataValidation extends ClientObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => RangeTarget | null,
  ) {
    super(context, path);
    context.requireApi("1.8", "Range.dataValidation");
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    const at = (t: RangeTarget) => t.sheet.validationAt(t.box.r1, t.box.c1);
    return {
      rule: (t) => at(t)?.rule ?? {},
      prompt: (t) => at(t)?.prompt ?? null,
      errorAlert: (t) => at(t)?.errorAlert ?? null,
      type: (t) => Object.keys(at(t)?.rule ?? {})[0] ?? "None",
    };
  }
  /** The area for exactly this range, created when first written (Excel keeps validation per cell). */
  private area(t: RangeTarget): FakeValidationArea {
    if (t.sheet.protection.protected) throw PROTECTED();
    const same = t.sheet.validations.find((v) => v.box.r1 === t.box.r1 && v.box.c1 === t.box.c1 && v.box.r2 === t.box.r2 && v.box.c2 === t.box.c2);
    if (same) return same;
    const area: FakeValidationArea = { box: { ...t.box }, rule: null, prompt: null, errorAlert: null };
    t.sheet.validations.push(area);
    return area;
  }
  get rule(): Record<string, unknown> {
    return this.readLoaded("rule");
  }
  set rule(rule: Record<string, unknown>) {
    this.queueSet("rule", rule, (t) => {
      const kinds = Object.keys(rule ?? {});
      if (kinds.length !== 1) throw new FakeError("InvalidArgument", `A data validation rule needs exactly one type, got ${kinds.join(", ") || "none"}.`);
      const list = (rule as { list?: { source?: unknown } }).list;
      if (list && typeof list.source === "string" && list.source.startsWith("=")) this.context.model.resolveReference(list.source, t.sheet);
      this.area(t).rule = rule;
    });
  }
  get prompt(): Record<string, unknown> {
    return this.readLoaded("prompt");
  }
  set prompt(prompt: Record<string, unknown>) {
    this.queueSet("prompt", prompt, (t) => {
      const message = String((prompt as { message?: unknown }).message ?? "");
      if (message.length > 255) throw new FakeError("InvalidArgument", `An input message is limited to 255 characters (got ${message.length}).`);
      this.area(t).prompt = prompt;
    });
  }
  get errorAlert(): Record<string, unknown> {
    return this.readLoaded("errorAlert");
  }
  set errorAlert(alert: Record<string, unknown>) {
    this.queueSet("errorAlert", alert, (t) => (this.area(t).errorAlert = alert));
  }
  clear(): void {
    this.queueCall("clear", [], (t) => {
      if (t.sheet.protection.protected) throw PROTECTED();
      for (let i = t.sheet.validations.length - 1; i >= 0; i--) if (overlaps(t.sheet.validations[i].box, t.box)) t.sheet.validations.splice(i, 1);
    });
  }
}

export class FakeConditionalFormatCollection extends ClientObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => RangeTarget,
  ) {
    super(context, path);
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    return { count: (t) => t.sheet.conditionalFormats.filter((f) => overlaps(f.box, t.box)).length };
  }
  get count(): number {
    return this.readLoaded("count");
  }
  add(type: string): FakeConditionalFormat_ {
    let created: FakeConditionalFormat | null = null;
    this.queueCall("add", [type], (t) => {
      if (t.sheet.protection.protected) throw PROTECTED();
      created = { box: { ...t.box }, type, rule: null };
      t.sheet.conditionalFormats.push(created);
    });
    return new FakeConditionalFormat_(this.context, `${this.path}.add(${type})`, () => created);
  }
  clearAll(): void {
    this.queueCall("clearAll", [], (t) => {
      for (let i = t.sheet.conditionalFormats.length - 1; i >= 0; i--) if (overlaps(t.sheet.conditionalFormats[i].box, t.box)) t.sheet.conditionalFormats.splice(i, 1);
    });
  }
}

/** A conditional format; cellValue and textComparison are views of the same record. */
class FakeConditionalFormat_ extends ClientObject<FakeConditionalFormat> {
  readonly cellValue: FakeConditionalRule;
  readonly textComparison: FakeConditionalRule;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => FakeConditionalFormat | null,
  ) {
    super(context, path);
    this.cellValue = new FakeConditionalRule(context, `${path}.cellValue`, resolve, "CellValue");
    this.textComparison = new FakeConditionalRule(context, `${path}.textComparison`, resolve, "ContainsText");
  }
  protected find(): FakeConditionalFormat | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (f: FakeConditionalFormat) => unknown> {
    return { type: (f) => f.type, stopIfTrue: () => false };
  }
  get type(): string {
    return this.readLoaded("type");
  }
}

class FakeConditionalRule extends ClientObject<FakeConditionalFormat> {
  readonly format: { fill: FakeCfColour; font: FakeCfColour };
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => FakeConditionalFormat | null,
    private readonly kind: string,
  ) {
    super(context, path);
    const owner = () => this.checked();
    this.format = { fill: new FakeCfColour(context, `${path}.format.fill`, owner, "fill"), font: new FakeCfColour(context, `${path}.format.font`, owner, "font") };
  }
  private checked(): FakeConditionalFormat | null {
    const f = this.resolve();
    if (f && f.type !== this.kind) throw new FakeError("InvalidOperation", `This conditional format is ${f.type}, not ${this.kind}.`);
    return f;
  }
  protected find(): FakeConditionalFormat | null {
    return this.checked();
  }
  protected scalars(): Record<string, (f: FakeConditionalFormat) => unknown> {
    return { rule: (f) => f.rule };
  }
  get rule(): Record<string, unknown> {
    return this.readLoaded("rule");
  }
  set rule(rule: Record<string, unknown>) {
    this.queueSet("rule", rule, (f) => (f.rule = rule));
  }
}

class FakeCfColour extends ClientObject<FakeConditionalFormat> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => FakeConditionalFormat | null,
    private readonly part: "fill" | "font",
  ) {
    super(context, path);
  }
  protected find(): FakeConditionalFormat | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (f: FakeConditionalFormat) => unknown> {
    return { color: (f) => f[this.part] ?? null };
  }
  get color(): string {
    return this.readLoaded("color");
  }
  set color(colour: string) {
    this.queueSet("color", colour, (f) => (f[this.part] = colour));
  }
}

// ---------------------------------------------------------------- worksheets
