// jsdom has no TextEncoder/TextDecoder; the xlsx reader needs them at load. Imported first.
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as unknown as { TextDecoder?: unknown; TextEncoder?: unknown };
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;
