import { importFile } from '../src/import/index.js';
const page = await importFile('test/fixtures/import/seed.html');
for (const f of page.summary.furniture) console.log(f.line, f.what, '|', f.text);
