// After `vite build`: hold the JavaScript a page downloads to its budget, and precompress what the server sends.
//
// Budget (issue 20): the login page and the main page (工作台) each load at most 350 KB of JavaScript, gzip: the
// `index.html` entry and the chunks the router loads for the page, with their static imports (every page is a
// lazy chunk of its own). No single chunk may pass the budget either. The build fails, naming the culprits.
// Precompression: each text asset gets a .br and a .gz beside it; the server sends them to who accepts them.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET = 350 * 1024;
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const gzipped = new Map();
/** A file's gzip size, computed once (pages share most of their chunks). */
const gz = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gzipped.get(file);
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The JavaScript files an entry loads before it runs: itself and its static imports, transitively. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(next, seen);
  return seen;
}

const failures = [];
// The pages a first visit opens: the entry, then the chunks the router loads for that page.
const PAGES = {
  login: ['index.html', 'src/pages/login.tsx'],
  'main (工作台)': ['index.html', 'src/app/layout.tsx', 'src/pages/home.tsx'],
};
for (const [name, keys] of Object.entries(PAGES)) {
  for (const k of keys) if (!manifest[k]) failures.push(`${k} is not a chunk of the build (renamed?)`);
  const files = [...keys.filter((k) => manifest[k]).reduce((seen, k) => closure(k, seen), new Set())].map(
    (k) => manifest[k].file,
  );
  const total = files.reduce((sum, f) => sum + gz(f), 0);
  console.log(`JavaScript of the ${name} page: ${kb(total)} gzip in ${files.length} files (budget ${kb(BUDGET)})`);
  if (total > BUDGET)
    failures.push(`the ${name} page loads ${kb(total)}: ${files.map((f) => `${f} ${kb(gz(f))}`).join(', ')}`);
}
for (const { file } of Object.values(manifest))
  if (file.endsWith('.js') && gz(file) > BUDGET) failures.push(`${file} is ${kb(gz(file))} gzip`);

// The citizens' page opens on a phone over 3G: a stylesheet link would cost a round trip (≈ 0.6 s) before its
// first paint, so its few KB of CSS go inline (the policy allows inline styles: Ant Design needs them too).
const ratePage = join(dist, 'rate.html');
const rateHtml = readFileSync(ratePage, 'utf8');
const inlined = rateHtml.replace(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g, (_, file) => {
  const css = readFileSync(join(dist, file), 'utf8');
  return `<style>${css}</style>`;
});
if (inlined === rateHtml) failures.push('rate.html links no stylesheet to inline (did the build change?)');
writeFileSync(ratePage, inlined);

let compressed = 0;
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
for (const path of walk(dist)) {
  if (!/\.(js|css|html|svg|json|txt|map)$/.test(path) || path.includes('/.vite/')) continue;
  const body = readFileSync(path);
  if (body.length < 1024) continue;
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  );
  compressed += 1;
}
console.log(`precompressed ${compressed} files (.br, .gz) in ${relative(process.cwd(), dist) || '.'}`);

if (failures.length > 0) {
  console.error(`JavaScript budget exceeded:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
