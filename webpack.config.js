// Builds the add-in into dist/addin/: the task pane, the ribbon's function file, the notification
// page the ribbon commands report through, the help page, the icons and a manifest whose URLs point
// at ADDIN_URL (the one setting for production; default https://localhost:3000/ for sideloading in
// development). dist/addin/ holds only what a council copies to its web server: source maps go to
// dist/addin-maps/ and the build stats to dist/build-stats.json.
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** webpack's own minimizer (its dependency), told to leave the already-minified ExcelJS chunk alone. */
function minimizers() {
  try {
    const MinimizerPlugin = require("minimizer-webpack-plugin");
    return [new MinimizerPlugin({ exclude: /^exceljs\./, minimizerOptions: { compress: { passes: 2 } } })];
  } catch {
    return ["..."]; // an older webpack: its default minimizer
  }
}

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OUTPUT = path.resolve(__dirname, "dist/addin");
/** Source maps, kept for debugging but never served. */
const MAPS = path.resolve(__dirname, "dist/addin-maps");
/** What `npm run bench` reads: the files each entry loads first. */
const STATS_FILE = path.resolve(__dirname, "dist/build-stats.json");
/** The development manifest (manifest.xml) has its own add-in ID, so both can be installed at once. */
const DEV_ID = "6f0d3c52-8a8e-4b6e-9d55-2c7b1e4a9f31";
const PRODUCTION_ID = "b3c1e7a2-5d49-4f0e-8a6b-9e2d71c4f058";

/** The pages the build writes; the manifest test checks every URL the manifest names is one of these or an asset. */
const PAGES = [
  { file: "taskpane.html", template: "src/taskpane/taskpane.html", chunks: ["taskpane"] },
  { file: "commands.html", template: "src/commands/commands.html", chunks: ["commands"] },
  { file: "notification.html", template: "src/commands/notification.html", chunks: ["notification"] },
  { file: "help.html", template: "src/taskpane/help.html", chunks: [] },
];

/** ADDIN_URL with exactly one trailing slash; throws with a plain message when it is not an https URL. */
function addinUrl(env = process.env) {
  const raw = (env.ADDIN_URL || DEV_URL).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL "${raw}" is not a URL; set it like https://plans.example.gov.uk/golden-thread/`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL "${raw}" must use https: Office only loads add-ins over https`);
  return url.href.replace(/\/*$/, "/");
}

/** The production manifest: every development URL replaced by the production one, and the production add-in ID. */
function manifestFor(xml, url) {
  const origin = new URL(url).origin;
  if (!xml.includes(`<Id>${DEV_ID}</Id>`)) throw new Error(`manifest.xml: expected the development add-in ID ${DEV_ID}`);
  return xml.split(DEV_URL).join(url).split("https://localhost:3000").join(origin).replace(`<Id>${DEV_ID}</Id>`, `<Id>${PRODUCTION_ID}</Id>`);
}

/** Settings shared by the add-in build and the browser-test build. */
function common(mode) {
  const production = mode === "production";
  return {
    mode,
    // Production maps carry no link from the served scripts and are moved out of dist/addin/ after the build.
    devtool: production ? "hidden-source-map" : "eval-cheap-module-source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS's own browser bundle: the package main needs Node's fs and streams.
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
    },
    module: {
      // ExcelJS's browser bundle is already built and minified: parsing it again only costs time.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // esnext modules keep import() as real split points; tsc type-checks separately.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true } },
          },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      // ExcelJS gets a chunk of its own, loaded only when a file is read or a return is written.
      splitChunks: { cacheGroups: { exceljs: { test: /[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", enforce: true } } },
      minimizer: minimizers(),
    },
    output: { path: OUTPUT, filename: "[name].[contenthash:8].js", chunkFilename: "[name].[contenthash:8].js", clean: true },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "development";
  const url = mode === "production" ? addinUrl(process.env) : DEV_URL;
  const config = {
    ...common(mode),
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notification: "./src/commands/notification.ts",
    },
    plugins: [
      ...PAGES.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: page.file,
            template: page.template,
            chunks: page.chunks,
            templateParameters: { officeJs: OFFICE_JS },
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          // The icons only: make-icons.js stays in the source.
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => manifestFor(content.toString(), url) },
        ],
      }),
    ],
    devServer: {
      static: { directory: OUTPUT },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: 3000,
      // Certificates only when serving: a build must not touch the certificate store.
      server: { type: "https", options: env.WEBPACK_SERVE ? await devCerts() : {} },
    },
  };
  if (mode === "production") {
    // Keep the stats the bundle benchmark reads (initial JS of the task pane) and the maps, outside dist/addin/.
    config.plugins.push(statsWriter(), mapMover());
  }
  return config;
};

/** office-addin-dev-certs' trusted localhost certificate, as the yo office template does. */
function devCerts() {
  const devCertsPackage = require("office-addin-dev-certs");
  return devCertsPackage.getHttpsServerOptions();
}

/** Moves the source maps webpack wrote into dist/addin/ to dist/addin-maps/ (webpack cleans only dist/addin/). */
function mapMover() {
  return {
    apply(compiler) {
      compiler.hooks.afterEmit.tap("GoldenThreadMaps", () => {
        const fs = require("fs");
        fs.rmSync(MAPS, { recursive: true, force: true });
        fs.mkdirSync(MAPS, { recursive: true });
        for (const name of fs.readdirSync(OUTPUT)) if (name.endsWith(".map")) fs.renameSync(path.join(OUTPUT, name), path.join(MAPS, name));
      });
    },
  };
}

/** Writes dist/build-stats.json: the files each entry loads first, for `npm run bench`. */
function statsWriter() {
  return {
    apply(compiler) {
      compiler.hooks.done.tap("GoldenThreadStats", (stats) => {
        if (stats.hasErrors()) return; // nothing was emitted; webpack reports the errors
        const { compilation } = stats;
        const isJs = (n) => n.endsWith(".js");
        const entrypoints = Object.fromEntries([...compilation.entrypoints].map(([name, ep]) => [name, ep.getFiles().filter(isJs)]));
        const initial = new Set(Object.values(entrypoints).flat());
        const asyncChunks = Object.keys(compilation.assets).filter((n) => isJs(n) && !initial.has(n));
        const isMap = (n) => n.endsWith(".map");
        require("fs").mkdirSync(path.dirname(STATS_FILE), { recursive: true });
        require("fs").writeFileSync(STATS_FILE, JSON.stringify({ entrypoints, asyncChunks: asyncChunks.filter((n) => !isMap(n)) }, null, 2));
      });
    },
  };
}

module.exports.DEV_URL = DEV_URL;
module.exports.OFFICE_JS = OFFICE_JS;
module.exports.PAGES = PAGES;
module.exports.OUTPUT = OUTPUT;
module.exports.MAPS = MAPS;
module.exports.STATS_FILE = STATS_FILE;
module.exports.DEV_ID = DEV_ID;
module.exports.PRODUCTION_ID = PRODUCTION_ID;
module.exports.addinUrl = addinUrl;
module.exports.manifestFor = manifestFor;
module.exports.common = common;
