// The task pane's initial JavaScript, gzipped, against the budget of 300 KB. Reads the stats
// the last production build wrote (dist/build-stats.json), building first when there are none.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { packageRoot } from "../src/cli/shared";
import type { BenchRow } from "./table";

const INITIAL_JS_BUDGET_KB = 300;

interface BuildStats {
  entrypoints: Record<string, string[]>;
  asyncChunks: string[];
}

function gzipKb(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;
}

function readBuildStats(root = packageRoot(), buildIfMissing = true): { stats: BuildStats; dir: string } {
  const dir = path.join(root, "dist/addin");
  // Kept beside dist/addin/, not in it: the add-in folder holds only what is served.
  const statsFile = path.join(root, "dist/build-stats.json");
  if (!fs.existsSync(statsFile) && buildIfMissing) {
    execFileSync(process.execPath, [path.join(root, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: root, stdio: "ignore" });
  }
  if (!fs.existsSync(statsFile)) throw new Error(`${statsFile}: not found; run npm run build first`);
  return { stats: JSON.parse(fs.readFileSync(statsFile, "utf8")) as BuildStats, dir };
}

/** Gzipped KB of what an entry loads before anything else (its initial chunks). */
function initialKb(stats: BuildStats, dir: string, entry: string): number {
  const files = stats.entrypoints[entry];
  if (!files) throw new Error(`build-stats.json has no entry "${entry}"`);
  return files.reduce((sum, f) => sum + gzipKb(path.join(dir, f)), 0);
}

export async function bench(): Promise<BenchRow[]> {
  const { stats, dir } = readBuildStats();
  const round = (n: number) => Math.round(n * 10) / 10;
  const pane = initialKb(stats, dir, "taskpane");
  const lazy = stats.asyncChunks.reduce((sum, f) => sum + gzipKb(path.join(dir, f)), 0);
  return [
    { area: "task pane", measure: "initial JS, gzipped", value: round(pane), unit: "KB", budget: INITIAL_JS_BUDGET_KB, ok: pane <= INITIAL_JS_BUDGET_KB },
    { area: "task pane", measure: "ribbon function file JS, gzipped", value: round(initialKb(stats, dir, "commands")), unit: "KB" },
    { area: "task pane", measure: "loaded on demand (ExcelJS, QSR writer), gzipped", value: round(lazy), unit: "KB" },
  ];
}
