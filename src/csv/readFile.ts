// A CSV (or other text) file from disk: the safe reader (type and size first, at most the limit
// plus one byte), then the encoding decided from the bytes (encoding.ts). Command line only.
import * as path from "path";
import { readInputFile } from "../files/safeRead";
import { DecodedText, decodeText } from "./encoding";

/** The largest CSV file accepted (a plan's actions or measures, a return table, an expected list). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

/** The largest framework or JSON return accepted. */
export const MAX_JSON_BYTES = 20 * 1024 * 1024;

/** Reads a text file within maxBytes; throws FileRejected or TextEncodingError, each naming the file. */
export function readTextFile(file: string, maxBytes = MAX_CSV_BYTES, label = path.basename(file)): DecodedText {
  return decodeText(readInputFile(file, maxBytes, label), label);
}
