// What a face (pane, ribbon, CLI) holds while it works: the council framework, parsed and its check
// settings compiled once, not on every call.
import { Framework, parseFramework } from "../model/framework";
import { settingsFromFramework } from "../rules/engine";
import type { CompiledSettings } from "../rules/settings";

export interface Session {
  framework: Framework;
  /** Names the framework in messages, e.g. "sefton-framework.json". */
  frameworkSource: string;
  /** The framework's `checks` block compiled; throws (naming the file) on the first use if it is wrong. */
  checkSettings(): CompiledSettings;
}

export function openSession(framework: Framework, frameworkSource: string): Session {
  let compiled: CompiledSettings | undefined;
  return {
    framework,
    frameworkSource,
    checkSettings: () => (compiled ??= settingsFromFramework(framework, frameworkSource)),
  };
}

/** Parses a framework file's text (errors name the file) and opens a session on it. */
export function sessionFromText(text: string, source: string): Session {
  return openSession(parseFramework(text, source), source);
}
