// The base of every API object in the Excel double: office.js's load/sync contract and the command queue.
import type { FakeRequestContext } from "./context";
import { FakeError, NOT_LOADED } from "./model";
import { jsonBytes } from "../../../src/excel/chunks";

export type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

export function parseLoad(spec: LoadSpec, defaults: string[]): string[] {
  const raw =
    spec === undefined
      ? defaults
      : typeof spec === "string"
        ? spec.split(",")
        : Array.isArray(spec)
          ? spec
          : spec.select === undefined
            ? defaults
            : typeof spec.select === "string"
              ? spec.select.split(",")
              : spec.select;
  return raw.map((s) => s.trim()).filter((s) => s.length > 0);
}

export const NOT_FOUND = (what: string, location: string) => new FakeError("ItemNotFound", `The requested resource doesn't exist: ${what}.`, location);

/** Base of every API object: the load/sync contract and the command queue. */
export abstract class ClientObject<E> {
  private readonly loadedValues = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(
    readonly context: FakeRequestContext,
    protected readonly path: string,
    protected readonly orNull = false,
  ) {
    if (orNull)
      context.enqueue(path, "isNullObject", undefined, {
        kind: "method",
        run: () => {
          const isNull = this.find() === null;
          return () => (this.nullState = isNull);
        },
      });
    else this.nullState = false;
  }
  /** The target in the model, or null when it does not exist. */
  protected abstract find(): E | null;
  /** The loadable scalar properties and how to read each from the target. */
  protected abstract scalars(): Record<string, (target: E) => unknown>;

  protected target(): E {
    const found = this.find();
    if (found === null) throw NOT_FOUND(this.path, this.path);
    return found;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw NOT_LOADED("isNullObject");
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const readers = this.scalars();
    const names = parseLoad(spec, Object.keys(readers));
    for (const name of names) if (!readers[name]) throw new FakeError("PropertyNotFound", `The property '${name}' is not part of this object in the Excel double (path ${this.path}).`);
    let loaded: Record<string, unknown> = {};
    this.context.enqueue(this.path, "load", names, {
      kind: "load",
      run: () => {
        const found = this.find();
        loaded = {};
        if (found !== null) for (const name of names) loaded[name] = readers[name](found);
        return () => {
          this.nullState = found === null;
          if (found !== null) for (const name of names) this.loadedValues.set(name, loaded[name]);
        };
      },
      responseBytes: () => jsonBytes(loaded),
    });
    return this;
  }

  protected readLoaded<T>(name: string): T {
    if (!this.loadedValues.has(name)) throw NOT_LOADED(name);
    return this.loadedValues.get(name) as T;
  }

  /** Queues a property write; office.js also keeps the value locally, so reading it back works. */
  protected queueSet(name: string, value: unknown, apply: (target: E) => void, changesCells = false, kind: "write" | "method" = "write"): void {
    this.loadedValues.set(name, value);
    this.context.enqueue(this.path, name, value, { kind, changesCells, run: () => void apply(this.target()) });
  }

  protected queueCall(name: string, args: unknown[], apply: (target: E) => void, kind: "write" | "method" = "write", changesCells = false): void {
    this.context.enqueue(this.path, name, args, { kind, changesCells, run: () => void apply(this.target()) });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }

  /** For collection loads: the readers of this object's scalars. */
  readersForItems(): Record<string, (target: E) => unknown> {
    return this.scalars();
  }
  /** For collection loads: takes the values read for this item at sync. */
  adoptLoaded(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loadedValues.set(k, v);
  }
}

// ---------------------------------------------------------------- ranges
