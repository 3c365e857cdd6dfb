// The Excel JS object model, as far as Golden Thread uses it, over the in-memory workbook.
// Like office.js: getters of scalar properties throw until load() + sync(); setters and methods
// queue commands that run at sync(); objects resolve their target (sheet, table, range) at sync.
// One file per object family; this file gathers what the rest of the double imports.
export { ClientObject } from "./clientObject";
export { FakeRange, moveReferences } from "./range";
export { FakeWorksheet, FakeWorksheetCollection } from "./worksheet";
export { FakeTableCollection, FakeTable_ } from "./tables";
export { FakeNamedItem, FakeNamedItemCollection } from "./names";
export { FakeApplication, FakeRuntime, FakeWorkbookApi } from "./workbook";
export { contains } from "./model";
