// Builds the task pane for the browser test: the same code and page as the add-in, with the
// Excel double (harness.tsx) in place of office.js. Development mode: no minifying, so it is quick.
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { common } = require("../../webpack.config.js");

const ROOT = path.resolve(__dirname, "../..");

module.exports = (outputPath) => {
  const base = common("development");
  return {
    ...base,
    context: ROOT,
    devtool: false,
    entry: { taskpane: "./test/browser/harness.tsx" },
    output: { ...base.output, path: outputPath, filename: "[name].js", chunkFilename: "[name].js" },
    plugins: [new HtmlWebpackPlugin({ filename: "taskpane.html", template: "src/taskpane/taskpane.html", chunks: ["taskpane"], templateParameters: { officeJs: "" } })],
  };
};
