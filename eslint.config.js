// Lint: typescript-eslint's recommended rules plus the office-addins load/sync rules, which catch
// reading an office.js property before load()/sync(). Formatting is prettier's job, not lint's.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "demo-output/**", "test-artifacts/**", "coverage/**", "dist-bench/**", "*.config.js", "bin/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}", "bench/**/*.ts", "examples/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The load/sync rules read any `.load()`/`.sync()` as office.js; they belong where office.js is.
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts", "test/excel/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // The pure domain core must not reach office.js, React or ExcelJS.
    files: ["src/model/**", "src/status/**", "src/rules/**", "src/convert/**", "src/qsr/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["exceljs", "react", "react-dom", "@fluentui/*", "*/excel/*", "*/xlsx/*", "*/taskpane/*"] }],
      "no-restricted-globals": ["error", "Excel", "Office"],
    },
  },
);
