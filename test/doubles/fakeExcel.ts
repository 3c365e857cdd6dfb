// The Excel double lives in src/excel/double so `npm run bench` (built from src/ only) can use it;
// tests and the task pane's browser test import it from here.
export * from "../../src/excel/double/fakeExcel";
