// One Typst compile in a fresh process: node bench/typst-child.mjs <main.typ> <font dir> <out.pdf> [--warm N]
// With --warm N, compiles N more times after one-character edits and prints each time (ms) as JSON.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const [typ, fontDir, out, flag, count] = process.argv.slice(2);
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const compiler = NodeCompiler.create({ workspace: path.dirname(typ), fontArgs: [{ fontPaths: [fontDir] }] });
const source = fs.readFileSync(typ, 'utf8');
const pdf = compiler.pdf({ mainFileContent: source });
fs.writeFileSync(out, pdf);
if (flag === '--warm') {
  const times = [];
  for (let i = 0; i < Number(count); i++) {
    const edited = source.replace('全市', i % 2 ? '全县' : '全区');
    const t = performance.now();
    const again = compiler.pdf({ mainFileContent: edited });
    times.push(performance.now() - t);
    if (again.length === 0) throw new Error('empty PDF');
  }
  process.stdout.write(JSON.stringify(times) + '\n');
}
