import { importFile, formatSummary } from '../src/import/index.js';
const r = await importFile(process.argv[2]!);
console.log(r.yaml);
console.error(formatSummary(r.summary as never, r.diagnostics));
for (const d of r.diagnostics.filter((d) => d.severity !== 'info')) console.error(d.rule, d.message, d.pos?.line);
