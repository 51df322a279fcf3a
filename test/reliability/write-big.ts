// Child process for the kill test: writes a large file atomically, announcing when it starts.
import { writeFileAtomic } from '../../src/outputs/write-atomic.js';

const [target, megabytes] = process.argv.slice(2);
const data = Buffer.alloc(Number(megabytes) * 1024 * 1024, 0x41);
process.stdout.write('writing\n');
writeFileAtomic(target!, data);
process.stdout.write('done\n');
