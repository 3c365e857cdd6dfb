// The pane's trend chart as people see it: rendered in Chromium at the pane's 320-pixel width and
// saved to test-artifacts/trend-chart/ (look at it). It must fit without a horizontal scroll bar.
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { chromium } from "playwright-core";
import { measureSchema } from "../../src/model/plan";
import { measureTrend } from "../../src/status/trend";
import { TrendChart } from "../../src/taskpane/components/TrendChart";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts", "trend-chart");
const available = fs.existsSync(CHROMIUM);
if (!available && process.env.CI !== "true") console.warn(`SKIPPED test/integration/trendChart.browser.test.tsx: ${CHROMIUM} is missing`);
const describeIf = available || process.env.CI === "true" ? describe : describe.skip;

const reablement = measureSchema.parse({
  id: "ASC-YTD-01",
  name: "People completing a reablement programme (year to date)",
  polarity: "High",
  frequency: "Quarterly",
  cumulative: true,
  unit: "number",
  annualTarget: 1600,
  q1Actual: 410,
  q2Actual: 790,
  q3Actual: 1150,
});

describeIf("the trend chart in a 320-pixel pane", () => {
  test("fits the width and is saved as a screenshot", async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const markup = renderToStaticMarkup(<TrendChart id={reablement.id} name={reablement.name} unit="number" points={measureTrend(reablement, 3, { greenWithin: 0, amberWithin: 5 })} />);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
    try {
      const page = await browser.newPage({ viewport: { width: 320, height: 480 } });
      await page.setContent(`<!doctype html><html lang="en-GB"><body style="margin:0;padding:8px;font-family:'Segoe UI',Arial,sans-serif">${markup}</body></html>`);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      const file = path.join(ARTIFACTS, "trend-chart-320.png");
      await page.screenshot({ path: file, fullPage: true });
      expect(fs.statSync(file).size).toBeGreaterThan(5000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
