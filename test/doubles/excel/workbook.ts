// The workbook, application and runtime objects of the Excel double.
import type { FakeRequestContext } from "./context";
import { parseBox } from "./model";
import { ClientObject } from "./clientObject";
import { FakeRange } from "./range";
import { FakeWorksheetCollection } from "./worksheet";
import { FakeTableCollection } from "./tables";
import { FakeNamedItemCollection } from "./names";

export class FakeWorkbookApi {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context, "worksheets");
    this.tables = new FakeTableCollection(context, "tables");
    this.names = new FakeNamedItemCollection(context, "names");
  }
  get application(): unknown {
    return this.context.application;
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, "workbook.getSelectedRange()", () => {
      const sel = this.context.model.selection;
      if (!sel) return null;
      const sheet = this.context.model.findSheet(sel.sheet);
      return sheet ? { sheet, box: parseBox(sel.address) } : null;
    });
  }
}

export class FakeApplication extends ClientObject<object> {
  protected find(): object {
    return {};
  }
  protected scalars(): Record<string, () => unknown> {
    return { calculationMode: () => "Automatic" };
  }
  get calculationMode(): string {
    return this.readLoaded("calculationMode");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.requireApi("1.6", "Application.suspendApiCalculationUntilNextSync");
    this.context.calculationSuspended = true;
    this.queueCall("suspendApiCalculationUntilNextSync", [], () => undefined, "method");
  }
  calculate(calculationType: string): void {
    // Inside a request that suspended calculation, Microsoft documents no effect for calculate():
    // the double counts it apart, so a recalculation that may not happen is visible to tests.
    this.queueCall(
      "calculate",
      [calculationType],
      () => (this.context.requestSuspended ? this.context.model.stats.calculationsWhileSuspended : this.context.model.stats.calculations).push(calculationType),
      "method",
    );
  }
}

export class FakeRuntime extends ClientObject<object> {
  protected find(): object {
    return {};
  }
  protected scalars(): Record<string, () => unknown> {
    return { enableEvents: () => this.context.model.enableEvents };
  }
  get enableEvents(): boolean {
    return this.readLoaded("enableEvents");
  }
  set enableEvents(enable: boolean) {
    this.context.requireApi("1.8", "Runtime.enableEvents");
    this.queueSet("enableEvents", enable, () => (this.context.model.enableEvents = enable), false, "method");
  }
}
