/**
 * `npm run test:import-corpus [-- --held-out] [-- --verbose]`: the per-field score table of
 * `jianbao import` on the corpus of saved pages in test/import-corpus/pages (or held-out/).
 * Exits 1 when a row is not right on every page.
 */
import { fileURLToPath } from 'node:url';
import { formatScore, scoreCorpus } from './score.js';

const args = process.argv.slice(2);
const heldOut = args.includes('--held-out');
const dir = fileURLToPath(new URL(heldOut ? './held-out/' : './pages/', import.meta.url));
const score = scoreCorpus(dir);
process.stdout.write(`${heldOut ? 'held-out set' : 'corpus'}: ${formatScore(score, args.includes('--verbose') || args.includes('-v'))}\n`);
process.exitCode = score.rows.every((r) => r.right === r.total) ? 0 : 1;
