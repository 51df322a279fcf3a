import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes all of `data` at the descriptor's position. One write may take fewer bytes than asked (a
 * disk that fills takes what fits, and only the next write fails), so the count each call returns
 * is added up; a write that takes nothing is an error, never a shorter file.
 */
export function writeFully(fd: number, data: Uint8Array): void {
  let done = 0;
  while (done < data.byteLength) {
    const n = fs.writeSync(fd, data, done, data.byteLength - done);
    if (!(n > 0)) throw Object.assign(new Error(`wrote ${done} of ${data.byteLength} bytes`), { code: 'ENOSPC' });
    done += n;
  }
}

/** Temporary files jianbao writes beside their final names: hidden, with the writer's process id. */
export const TEMP_NAME = /^\.jianbao-(\d+)-[a-z0-9]+\.tmp$/;

/** A fresh temporary name in `dir` (see TEMP_NAME). */
export function tempName(dir: string): string {
  return path.join(dir, `.jianbao-${process.pid}-${Math.random().toString(36).slice(2, 10) || '0'}.tmp`);
}

export interface TempWriteOptions {
  /** fsync the bytes before the rename (default true): off only for files rewritten again within the build. */
  sync?: boolean;
  /** Told the temporary name before it is created, so a killed writer's leftovers can be found. */
  onTemp?: (tmp: string) => void;
}

/**
 * Writes a file through a temporary file in the same folder and a rename, so a reader (or a
 * build killed midway) sees either the previous complete file or the new one, never a part of
 * one: every byte written (see writeFully), fsynced, then renamed over the final name. The
 * temporary file is created new (never through a link or over another file) and removed when
 * anything fails; the error is thrown as it came, for the caller to word.
 */
export function writeThroughTemp(file: string, data: Uint8Array | string, options: TempWriteOptions = {}): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const tmp = tempName(path.dirname(file));
  options.onTemp?.(tmp);
  const fd = fs.openSync(tmp, 'wx', 0o666);
  try {
    try {
      writeFully(fd, bytes);
      if (options.sync !== false) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** writeThroughTemp, making the folder first: for files outside an out folder (imported YAML). */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeThroughTemp(file, data);
}
