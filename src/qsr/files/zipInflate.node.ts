// The command line's inflater for the zip guard: zlib, with a hard output cap.
import * as zlib from "zlib";
import type { CappedInflate } from "./zipGuard";

export const zlibInflate: CappedInflate = async (_entry, compressed, cap) => {
  try {
    // One byte over the cap is enough to prove the declared size false.
    return zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, cap + 1) });
  } catch (err) {
    if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return "too large";
    throw err;
  }
};
