// jsdom leaves out the encoders every browser has; imported first, before modules that use them on load.
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as unknown as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
