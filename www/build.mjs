// Bundles the page's plain ES modules with esbuild into the three outputs of
// `cargo xtask build` (which runs this after wasm-bindgen has written www/pkg/):
//
//   dist/widget/          netwerk-scan.js (the element) with its chunks and the two wasm
//                         modules: copy the folder anywhere and
//                         embed with one <script type="module"> and <netwerk-scan>.
//   dist/site/            the widget's files plus the host pages, the service worker
//                         and the web app manifest.
//   dist/netwerkscan.html one self-contained file: the JS, the CSS and the wasm inlined,
//                         for filling in the scan offline from disk.
//
// The source stays plain ES modules that run unbundled in Chromium (CSS comes in as
// `import sheet from './x.css' with { type: 'css' }`); the bundles turn each stylesheet
// into a constructed CSSStyleSheet so every browser can adopt it.
//
// Usage: node www/build.mjs [--dev]   (--dev: no minification, inline source maps)

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const WWW = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(WWW, '..');
const DIST = path.join(ROOT, 'dist');
const PKG = path.join(WWW, 'pkg');
const dev = process.argv.includes('--dev');

/** The wasm-bindgen outputs the element loads, and the names they ship under. */
const WASM = ['first_bg.wasm', 'full_bg.wasm'];

function fail(message) {
  process.stderr.write(`www/build.mjs: ${message}\n`);
  process.exit(1);
}

for (const file of [...WASM, 'first.js', 'full.js']) {
  if (!existsSync(path.join(PKG, file))) fail(`www/pkg/${file} is missing; run \`cargo xtask build\`, which makes it first`);
}

/**
 * `rem` means the host page's root font size, which a course site may set to anything
 * (`html { font-size: 62.5% }`, or `* { font: 40px serif !important }`). Every `Nrem`
 * in a declaration becomes `calc(N * var(--netwerkscan-rem))`, the widget's own rem
 * (www/styles/base.css); media and container queries keep theirs, where rem means the
 * browser's default size and a custom property is not allowed.
 */
function ownRem(css) {
  return css
    .split(/(@(?:media|container|supports)[^{]*\{)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[^\w.#-])(-?(?:\d+\.?\d*|\.\d+))rem\b/g, '$1calc($2 * var(--netwerkscan-rem))')))
    .join('');
}

/** Each .css import becomes a module exporting a constructed, minified stylesheet. */
const cssSheets = {
  name: 'css-sheets',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const css = ownRem(dev ? source : (await esbuild.transform(source, { loader: 'css', minify: true })).code);
      return {
        contents: `const sheet = new CSSStyleSheet();\nsheet.replaceSync(${JSON.stringify(css)});\nexport default sheet;\n`,
        loader: 'js',
      };
    });
  },
};

/** The single file has no files beside it: the assets module hands out inlined bytes. */
function inlineAssets() {
  const base64 = (file) => readFileSync(path.join(PKG, file)).toString('base64');
  return {
    name: 'inline-assets',
    setup(build) {
      build.onResolve({ filter: /\/assets\.js$/ }, (args) => ({ path: path.join(args.resolveDir, args.path), namespace: 'inline-assets' }));
      build.onLoad({ filter: /.*/, namespace: 'inline-assets' }, () => ({
        contents: `
const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
export const SINGLE_FILE = true;
export const firstWasm = () => null;
export const fullWasm = () => bytes(${JSON.stringify(base64('full_bg.wasm'))});
`,
        loader: 'js',
        resolveDir: path.join(WWW, 'src'),
      }));
    },
  };
}

const common = {
  bundle: true,
  format: 'esm',
  target: ['chrome110', 'firefox115', 'safari16.4'],
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [cssSheets],
};

function copy(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}

function clean(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** Every file below `dir`, as paths relative to it, sorted. */
function listFiles(dir, prefix = '') {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(full).isDirectory() ? listFiles(full, rel) : [rel];
    })
    .sort();
}

// ----- the widget -----

const widget = path.join(DIST, 'widget');
clean(widget);
const built = await esbuild.build({
  ...common,
  entryPoints: { 'netwerk-scan': path.join(WWW, 'netwerk-scan.js') },
  outdir: widget,
  splitting: true,
  // Chunks sit beside the entry, so every file is found relative to import.meta.url.
  chunkNames: 'netwerk-scan-[hash]',
  metafile: true,
});
// The chunks the entry imports statically: without a hint the browser finds them only
// once the entry has arrived and been parsed, one round trip later, before the first chart.
const entryOutput = Object.entries(built.metafile.outputs).find(([, o]) => o.entryPoint)?.[1];
const staticChunks = (entryOutput?.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => path.basename(i.path));
for (const file of WASM) copy(path.join(PKG, file), path.join(widget, file));

// ----- the site: the widget's files and the host pages -----

const site = path.join(DIST, 'site');
clean(site);
for (const file of listFiles(widget)) copy(path.join(widget, file), path.join(site, file));
for (const file of ['manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png', 'robots.txt', 'site.css']) {
  copy(path.join(WWW, file), path.join(site, file));
}
// The host pages preload the entry's chunks beside the entry itself.
const entryScript = '<script type="module" src="netwerk-scan.js"></script>';
for (const file of ['index.html', 'group.html']) {
  const page = readFileSync(path.join(WWW, file), 'utf8');
  if (!page.includes(entryScript)) throw new Error(`www/${file} no longer loads netwerk-scan.js as \`${entryScript}\``);
  const hints = staticChunks.map((chunk) => `<link rel="modulepreload" href="${chunk}">\n  `).join('');
  writeFileSync(path.join(site, file), page.replace(entryScript, `${hints}${entryScript}`));
}
await esbuild.build({ ...common, plugins: [], entryPoints: { site: path.join(WWW, 'site.js') }, outdir: site });
// The service worker caches exactly the files of this build; its version changes with
// any of them, which is how a new build reaches a returning visitor.
const cached = listFiles(site).filter((f) => f !== 'sw.js' && !f.endsWith('.map'));
const version = createHash('sha256');
for (const f of cached) version.update(f).update(readFileSync(path.join(site, f)));
const sw = readFileSync(path.join(WWW, 'sw.js'), 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('[/*__FILES__*/]', JSON.stringify(['./', ...cached.filter((f) => f !== 'index.html')]));
writeFileSync(path.join(site, 'sw.js'), dev ? sw : (await esbuild.transform(sw, { minify: true })).code);

// ----- the single file -----

const single = await esbuild.build({
  ...common,
  plugins: [cssSheets, inlineAssets()],
  entryPoints: [path.join(WWW, 'netwerk-scan.js')],
  write: false,
  splitting: false,
});
const script = single.outputFiles[0].text.replaceAll('</script', '<\\/script');
const hash = createHash('sha256').update(script).digest('base64');
const template = readFileSync(path.join(WWW, 'single.html'), 'utf8');
const style = template.match(/<style>([^<]*)<\/style>/)?.[1] ?? '';
const html = template
  .replace('__SCRIPT_HASH__', hash)
  .replace('__STYLE_HASH__', createHash('sha256').update(style).digest('base64'))
  .replace('<!--__SCRIPT__-->', () => `<script type="module">${script}</script>`);
writeFileSync(path.join(DIST, 'netwerkscan.html'), html);

const kb = (file) => `${(statSync(file).size / 1024).toFixed(1)} KiB`;
process.stderr.write(
  `www/build.mjs: dist/widget/ (${listFiles(widget).length} files), dist/site/ (${listFiles(site).length} files), ` +
    `dist/netwerkscan.html (${kb(path.join(DIST, 'netwerkscan.html'))})\n`,
);
