// Preloaded into a measured child (node --import) when GNU time is missing: at exit, writes the
// process's own resource usage (peak RSS, CPU time) where the bench asked.
import fs from 'node:fs';

const file = process.env.JIANBAO_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(file, JSON.stringify(process.resourceUsage()));
    } catch {
      // the bench reports the run without its RSS
    }
  });
}
