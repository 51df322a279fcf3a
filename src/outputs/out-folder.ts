import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diag, DiagnosticError, displayPath, type Diagnostic } from '../diagnostics/index.js';
import { describeRefusal, placeForWrite, placeInside } from '../io/inside-root.js';
import { errnoWords, readBounded } from '../io/read-bounded.js';
import { LIMITS, type Limit } from '../limits.js';
import { LOCK_FILE } from './names.js';
import { TEMP_NAME, writeThroughTemp } from './write-atomic.js';

export { LOCK_FILE } from './names.js';

/**
 * The out folder while one build (or merge, or clean) writes it. Holding it means holding its
 * lock (LOCK_FILE): a second build into the same folder is refused with who holds it, and a lock
 * left by a process that is gone is taken over. Every file is written through the path policy
 * (placeForWrite: inside the folder, also through links; never over a folder, a pipe or a link)
 * and a temporary file (writeThroughTemp: every byte, fsynced, renamed). Each temporary name is
 * noted in the lock first, so the next build removes what a killed one left, and nothing else.
 * Every failure is one `error[io]` (or `error[path]`) naming the file.
 */
export interface OutFolder {
  readonly dir: string;
  /** `out/articles/a/report.pdf`, as messages name a file of the folder. */
  shown(rel: string): string;
  /** Writes `rel` whole; `sync: false` skips the fsync of a file the build writes again before it ends. */
  write(rel: string, data: Uint8Array | string, options?: { sync?: boolean }): void;
  /** The bytes of a regular file inside the folder, or undefined when there is none. */
  read(rel: string, limit?: Limit): Buffer | undefined;
  /** Removes a file jianbao wrote (a regular file inside the folder), and the folders it leaves empty. */
  remove(rel: string): void;
  /** Gives the lock back; the folder is not to be written after. */
  release(): void;
}


/** Opens an out folder for writing: makes it, and takes its lock or throws `error[lock]`. */
export function openOutFolder(outDir: string): OutFolder {
  const dir = path.resolve(outDir);
  const shown = (rel: string) => displayPath(path.join(dir, rel));
  const at = (rel: string) => ({ file: shown(rel), line: 1, column: 1 });
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new DiagnosticError([diag('error', 'io', `cannot make the out folder ${displayPath(dir)}: ${errnoWords(e)}`, at('.'), hintFor(e))]);
  }
  const lock = path.join(dir, LOCK_FILE);
  takeLock(dir, lock, at(LOCK_FILE));
  let held = true;

  const ioError = (rel: string, e: unknown): DiagnosticError => {
    if (e instanceof DiagnosticError) return e;
    return new DiagnosticError([diag('error', 'io', `cannot write ${shown(rel)}: ${errnoWords(e)}`, at(rel), hintFor(e))]);
  };

  return {
    dir,
    shown,
    write(rel, data, options = {}) {
      if (!held) throw new Error(`the out folder ${dir} was released`);
      const placed = placeForWrite(dir, rel);
      if (!placed.ok) throw new DiagnosticError([refusal(placed, rel, shown, at(rel), dir)]);
      try {
        fs.mkdirSync(path.dirname(placed.abs), { recursive: true });
        writeThroughTemp(placed.abs, data, {
          ...(options.sync === false ? { sync: false } : {}),
          onTemp: (tmp) => fs.appendFileSync(lock, `tmp ${path.relative(dir, tmp).split(path.sep).join('/')}\n`),
        });
      } catch (e) {
        throw ioError(rel, e);
      }
    },
    read(rel, limit = LIMITS.outputBytes) {
      const placed = placeInside(dir, rel);
      if (!placed.ok) throw new DiagnosticError([refusal(placed, rel, shown, at(rel), dir)]);
      if (placed.real === undefined) return undefined;
      const r = readBounded(placed.abs, { limit, shown: shown(rel), what: 'file', root: { dir, name: displayPath(dir) } });
      if (!r.ok) throw new DiagnosticError([r.diagnostic]);
      return r.bytes;
    },
    remove(rel) {
      const placed = placeInside(dir, rel);
      if (!placed.ok) throw new DiagnosticError([refusal(placed, rel, shown, at(rel), dir)]);
      try {
        if (!fs.lstatSync(placed.abs).isFile()) return;
      } catch {
        return;
      }
      try {
        fs.rmSync(placed.abs);
      } catch (e) {
        throw new DiagnosticError([diag('error', 'io', `cannot remove ${shown(rel)}: ${errnoWords(e)}`, at(rel), hintFor(e))]);
      }
      // The folders it leaves empty go too, up to the out folder.
      for (let d = path.dirname(placed.abs); d !== dir && d.startsWith(dir + path.sep); d = path.dirname(d)) {
        try {
          fs.rmdirSync(d);
        } catch {
          break;
        }
      }
    },
    release() {
      if (!held) return;
      held = false;
      fs.rmSync(lock, { force: true });
    },
  };
}

/** Words for a path the policy refused, as an error about the out folder. */
function refusal(placed: Extract<ReturnType<typeof placeForWrite>, { ok: false }>, rel: string, shown: (rel: string) => string, pos: Diagnostic['pos'], dir: string): Diagnostic {
  if (placed.why === 'not-file') {
    let what = 'something that is not a file';
    try {
      const st = fs.lstatSync(placed.abs);
      what = st.isDirectory() ? 'a folder' : st.isSymbolicLink() ? 'a symbolic link' : st.isFIFO() ? 'a FIFO (named pipe)' : 'a special file';
    } catch {
      // gone since: the words above do
    }
    return diag('error', 'io', `cannot write ${shown(rel)}: ${what} is in the way`, pos, ['jianbao replaces only files: move it out of the out folder']);
  }
  return diag('error', 'path', `the output path ${JSON.stringify(rel)} ${describeRefusal(placed, displayPath(dir))}`, pos, ['outputs are written inside the out folder only']);
}

function hintFor(e: unknown): string[] {
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return ['free some space, or write to another folder with -o DIR; the previous outputs are kept'];
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return ['write to a folder you may write to, with -o DIR'];
    case 'EEXIST':
    case 'ENOTDIR':
    case 'EISDIR':
      return ['a file or folder of another kind is in the way: move it'];
    default:
      return [];
  }
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** What a lock file says: `pid N`, `host H`, `since ISO`, then `tmp REL` lines. */
function readHolder(text: string): Holder | undefined {
  const field = (name: string) => new RegExp(`^${name} (.+)$`, 'm').exec(text)?.[1];
  const pid = Number(field('pid'));
  const host = field('host');
  if (!Number.isInteger(pid) || pid <= 0 || !host) return undefined;
  return { pid, host, since: field('since') ?? '' };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock no one finished writing (its writer died between creating and filling it) counts as held this long. */
const UNREADABLE_LOCK_MS = 10_000;

/**
 * Takes the lock: created new (O_EXCL), holding this process's id and host. A lock whose process
 * is gone (same host, no such process) is moved aside under a name of this process's own and
 * checked to be the one judged stale before its temporary files are removed, so two builds
 * taking over at once cannot both win, and neither removes a live build's lock.
 */
function takeLock(dir: string, lock: string, pos: Diagnostic['pos']): void {
  const record = `jianbao lock\npid ${process.pid}\nhost ${os.hostname()}\nsince ${new Date().toISOString()}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(lock, 'wx', 0o644);
      fs.writeSync(fd, record);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new DiagnosticError([diag('error', 'io', `cannot lock the out folder ${displayPath(dir)}: ${errnoWords(e)}`, pos, hintFor(e))]);
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
    let text: string;
    let age: number;
    try {
      const st = fs.lstatSync(lock);
      if (!st.isFile()) throw new DiagnosticError([diag('error', 'lock', `the out folder's lock ${displayPath(lock)} is not a file`, pos, ['remove it'])]);
      age = Date.now() - st.mtimeMs;
      text = fs.readFileSync(lock, 'utf8');
    } catch (e) {
      if (e instanceof DiagnosticError) throw e;
      continue; // gone since: try again
    }
    const holder = readHolder(text);
    const stale = holder ? holder.host === os.hostname() && holder.pid !== process.pid && !processAlive(holder.pid) : age > UNREADABLE_LOCK_MS;
    if (!stale) throw new DiagnosticError([held(dir, lock, holder, pos)]);
    takeOver(dir, lock, text);
  }
  throw new DiagnosticError([held(dir, lock, undefined, pos)]);
}

function held(dir: string, lock: string, holder: Holder | undefined, pos: Diagnostic['pos']): Diagnostic {
  const who = holder ? ` (process ${holder.pid} on ${holder.host}${holder.since ? `, since ${holder.since}` : ''})` : '';
  return diag('error', 'lock', `another jianbao build${who} is writing to ${displayPath(dir)}`, pos, [
    `wait for it to finish, or build into another folder with -o DIR; if no build is running, remove ${displayPath(lock)}`,
  ]);
}

/** Moves a stale lock aside, and if it is still the one judged stale, removes the temporary files it lists. */
function takeOver(dir: string, lock: string, judged: string): void {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return; // another build moved it first
  }
  let moved = '';
  try {
    moved = fs.readFileSync(aside, 'utf8');
  } catch {
    // unreadable: compared below as empty
  }
  if (moved !== judged) {
    // A live build's fresh lock: put it back (link fails if a third build has made one since).
    try {
      fs.linkSync(aside, lock);
    } catch {
      // that build's lock stands
    }
    fs.rmSync(aside, { force: true });
    return;
  }
  for (const m of moved.matchAll(/^tmp (.+)$/gm)) {
    const rel = m[1]!;
    if (!TEMP_NAME.test(path.posix.basename(rel))) continue;
    const placed = placeInside(dir, rel);
    if (!placed.ok) continue;
    try {
      if (fs.lstatSync(placed.abs).isFile()) fs.rmSync(placed.abs);
    } catch {
      // renamed to its final name, or never made
    }
  }
  fs.rmSync(aside, { force: true });
}
