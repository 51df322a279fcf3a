import { readFileSync } from 'node:fs';
import { importBytes } from '../src/import/index.js';
const b = readFileSync(process.argv[2]!);
try { importBytes(b, process.argv[2]!); } catch (e) { console.log(String(e).slice(0, 200)); }
