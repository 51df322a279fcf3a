/**
 * A measurement, not a test: how @mozilla/readability (on linkedom) finds the article of the
 * corpus's HTML pages, and how long it takes; kept to repeat the comparison that chose jianbao's
 * own extraction. Neither package is a dependency:
 *   npm install --no-save linkedom @mozilla/readability && npx tsx bench/readability-corpus.ts test/import-corpus/pages
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { declaredCharset, decodeBytes } from '../src/import/decode.js';
import { compareText, corpusPages } from '../test/import-corpus/score.js';

const dir = process.argv[2]!;
let found = 0;
let clean = 0;
let titles = 0;
const times: number[] = [];
for (const file of corpusPages(dir).filter((f) => f.endsWith('.html'))) {
  const bytes = readFileSync(file);
  const html = decodeBytes(bytes, declaredCharset(bytes)).text;
  const expected = parseYaml(readFileSync(file.replace(/\.html$/, '.yaml'), 'utf8'));
  const t0 = performance.now();
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  const ms = performance.now() - t0;
  times.push(ms);
  const want = JSON.stringify(expected.body).replace(/"(?:heading|body|table|caption|header|rows|list)":/g, '').replace(/[^\p{L}\p{N}]/gu, '');
  const got = (article?.textContent ?? '').replace(/[^\p{L}\p{N}]/gu, '');
  const diff = compareText(want, got);
  const ok = diff.lost.length === 0;
  if (ok) found++;
  if (ok && diff.left.length === 0) clean++;
  if (article?.title === expected.title) titles++;
  console.log(`${file.split('/').pop()!.padEnd(34)} ${ms.toFixed(1).padStart(6)} ms  lost ${String(diff.lost.length).padStart(4)}  extra ${String(diff.left.length).padStart(4)}  title ${article?.title === expected.title ? 'ok' : JSON.stringify(article?.title)}  byline ${JSON.stringify(article?.byline)}`);
}
times.sort((a, b) => a - b);
console.log(`\nbody found whole: ${found}/${times.length}; whole and nothing else: ${clean}/${times.length}; title right: ${titles}/${times.length}; median ${times[times.length >> 1]!.toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`);
