// Preloaded into a measured command (node -r): writes the process's peak resident memory in bytes
// to the file named by GT_PEAK_RSS_FILE when it exits (the larger, when a child already wrote one).
import * as fs from "fs";

process.on("exit", () => {
  const file = process.env.GT_PEAK_RSS_FILE;
  if (!file) return;
  // The command may run itself again with a bounded heap (bin/service-plan.js): keep the larger peak.
  const earlier = fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8")) : 0;
  fs.writeFileSync(file, String(Math.max(earlier, process.resourceUsage().maxRSS * 1024)));
});
