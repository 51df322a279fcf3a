import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file through a temporary file in the same folder and a rename, so a reader (or a
 * build killed midway) sees either the previous complete file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

const TEMP_NAME = /^\..+\.(\d+)\.[a-z0-9]+\.tmp$/;

/**
 * Removes temporary files that a killed build left in the out folder: those whose writing
 * process is gone. A concurrent build's temp files (its process alive) are left alone.
 */
export function sweepStaleTemps(outDir: string): number {
  let removed = 0;
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const m = TEMP_NAME.exec(e.name);
        if (m && !processAlive(Number(m[1]))) {
          fs.rmSync(full, { force: true });
          removed++;
        }
      }
    }
  };
  walk(outDir);
  return removed;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
