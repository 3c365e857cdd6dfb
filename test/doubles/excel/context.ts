// The request context of the Excel double: commands are queued, then sent as one request at
// sync(), like office.js. It measures each request and response as JSON and enforces the host's
// limits (5 MB on the web), the API version, and cell-edit mode.
import { FakeError, FakeWorkbookModel } from "./model";
import { jsonBytes, utf8Bytes } from "../../../src/excel/chunks";

export interface FakeHostOptions {
  /** Highest ExcelApi 1.x the host supports ("1.17" by default). */
  apiVersion: string;
  /** "web" enforces Excel on the web's request and response payload limits. */
  platform: "web" | "desktop";
  requestLimitBytes: number;
  responseLimitBytes: number;
  /** Other requirement sets the host reports, e.g. { DialogApi: "1.2" }. */
  otherRequirementSets: Record<string, string>;
  /** Keep "sync N: path.name" for every command in model.commandLog (tests of ordering). */
  logCommands: boolean;
  /** Excel desktop returns null for a read of more cells than this (about 5 million). */
  desktopReadCellLimit: number;
  /** Excel's AutoCorrect "Include new rows and columns in table" (on by default): data written just below a table extends it. */
  autoExpandTables: boolean;
}

export const DEFAULT_HOST: FakeHostOptions = {
  apiVersion: "1.17",
  platform: "web",
  requestLimitBytes: 5 * 1024 * 1024,
  responseLimitBytes: 5 * 1024 * 1024,
  otherRequirementSets: {},
  logCommands: false,
  desktopReadCellLimit: 5_000_000,
  autoExpandTables: true,
};

function versionAtLeast(have: string, need: string): boolean {
  const [hm, hn] = have.split(".").map(Number);
  const [nm, nn] = need.split(".").map(Number);
  return hm > nm || (hm === nm && (hn ?? 0) >= (nn ?? 0));
}

/** One queued command. `run` applies it to the model at sync; loads also return what was read. */
export interface QueuedCommand {
  bytes: number;
  label?: string;
  kind: "load" | "write" | "method";
  /** Writes to cell values or formulas (what calculation and events care about). */
  changesCells?: boolean;
  run: () => (() => void) | void;
  responseBytes?: () => number;
}

export class FakeRequestContext {
  private queue: QueuedCommand[] = [];
  private apiErrors: FakeError[] = [];
  /** Set by application.suspendApiCalculationUntilNextSync(); cleared at each sync. */
  calculationSuspended = false;
  /** Whether the request being applied suspended calculation (read by application.calculate). */
  requestSuspended = false;
  private closed = false;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  // Filled in by fakeExcel.ts (avoids a circular import between context and objects).
  workbook!: unknown;
  application!: unknown;
  runtime!: unknown;

  constructor(
    readonly model: FakeWorkbookModel,
    readonly host: FakeHostOptions,
    readonly delayForCellEdit: boolean,
    private readonly cellEdit: { active: boolean; ended: Promise<void> },
  ) {}

  /** Records an API the host lacks; office.js reports that at the next sync. */
  requireApi(version: string, api: string): void {
    if (!versionAtLeast(this.host.apiVersion, version))
      this.apiErrors.push(new FakeError("ApiNotFound", `The API you are trying to use could not be found (${api} needs ExcelApi ${version}). It may be available in a newer version of Excel.`, api));
  }

  enqueue(path: string, name: string, args: unknown, command: Omit<QueuedCommand, "bytes">): void {
    if (this.closed) throw new FakeError("InvalidObjectPath", "The object path isn't working for what you're trying to do: this request context has finished (Excel.run returned).");
    // About what office.js sends for one action: its id, type, object path and arguments.
    const bytes = 48 + utf8Bytes(path) + utf8Bytes(name) + (args === undefined ? 0 : jsonBytes(args));
    this.queue.push({ ...command, bytes, label: this.host.logCommands ? `${path}.${name}` : undefined });
  }

  get pendingCommands(): number {
    return this.queue.length;
  }

  close(): void {
    this.closed = true;
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeError("InvalidObjectPath", "context.sync() was called after Excel.run returned.");
    if (this.cellEdit.active) {
      if (!this.delayForCellEdit) {
        this.queue = [];
        throw new FakeError(
          "InvalidOperationInCellEditMode",
          "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
        );
      }
      await this.cellEdit.ended;
    }
    const commands = this.queue;
    this.queue = [];
    const stats = this.model.stats;
    stats.syncs++;
    const requestBytes = 2 + commands.reduce((n, c) => n + c.bytes + 1, 0);
    stats.requestBytes.push(requestBytes);
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, requestBytes);
    const suspended = this.calculationSuspended;
    this.calculationSuspended = false;
    this.requestSuspended = suspended;
    await Promise.resolve(); // a sync is always asynchronous
    if (this.host.platform === "web" && requestBytes > this.host.requestLimitBytes) {
      stats.responseBytes.push(0);
      throw new FakeError("RequestPayloadSizeLimitExceeded", `The request payload size (${requestBytes} bytes) has exceeded the limit of ${this.host.requestLimitBytes} bytes.`);
    }
    const apiError = this.apiErrors.shift();
    this.apiErrors = [];
    if (apiError) {
      stats.responseBytes.push(0);
      throw apiError;
    }
    const commits: (() => void)[] = [];
    let responseBytes = 2;
    try {
      for (const command of commands) {
        if (command.kind !== "load" && command.changesCells) {
          if (this.model.enableEvents) stats.writesWithEventsOn++;
          if (!suspended) stats.writesWithCalculationOn++;
        } else if (command.kind === "write" && this.model.enableEvents) stats.writesWithEventsOn++; // formats, validation, structure
        if (command.kind !== "load") for (const sheet of this.model.sheets) sheet.version++;
        if (command.label) this.model.commandLog.push(`sync ${stats.syncs}: ${command.label}`);
        const commit = command.run();
        if (typeof commit === "function") commits.push(commit);
        if (command.responseBytes) responseBytes += command.responseBytes() + 1;
      }
    } finally {
      stats.responseBytes.push(responseBytes);
      stats.largestResponseBytes = Math.max(stats.largestResponseBytes, responseBytes);
    }
    if (this.host.platform === "web" && responseBytes > this.host.responseLimitBytes)
      throw new FakeError("ResponsePayloadSizeLimitExceeded", `The response payload size (${responseBytes} bytes) has exceeded the limit of ${this.host.responseLimitBytes} bytes.`);
    // Loaded values become readable only once the whole request succeeded.
    for (const commit of commits) commit();
  }
}
