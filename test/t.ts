import { readFileSync } from 'node:fs';
import { importFile } from '../src/import/index.js';
const f = 'test/fixtures/import/seed.html';
const page = await importFile(f);
const lines = readFileSync(f, 'utf8').split('\n');
for (const d of page.diagnostics.filter((d) => d.rule === 'punct')) {
  const original = /^'(.+?)' →/.exec(d.message)![1]!;
  const at = lines[d.pos!.line - 1]!.slice(d.pos!.column - 1);
  if (!at.startsWith(original)) console.log(d.pos, d.message, JSON.stringify(at.slice(0, 20)));
}
