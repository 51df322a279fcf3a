import fs from 'node:fs';
import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { formatCount, LIMITS, type Limit } from '../limits.js';
import { describeRefusal, placeInside } from './inside-root.js';

export interface ReadOptions {
  /** The size bound; its rule id is the diagnostic's when the file is larger. */
  limit: Limit;
  /** The path as the user sees it, for messages. */
  shown: string;
  /** Where the path was named (a YAML position); the file's own first line when absent. */
  pos?: SourcePos;
  /** What the file is, for messages: `content file`, `image`. */
  what?: string;
  /** A folder the file must stay in, also through symbolic links; `name` words it in messages. */
  root?: { dir: string; name: string; rule?: string };
  /** Hint added to a too-large error. */
  tooLargeHint?: string;
}

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; diagnostic: Diagnostic };

const CHUNK = 1 << 20;

/**
 * Reads a whole file under the path policy: inside its root when one is given, a regular file
 * only (a folder, FIFO, device or socket is refused before it is read, so `/dev/zero` or a pipe
 * never hangs a build), at most `limit` bytes, and within LIMITS.readMilliseconds. Every refusal
 * is one located diagnostic; nothing here throws.
 */
export function readBounded(file: string, options: ReadOptions): ReadResult {
  const pos = options.pos ?? { file: options.shown, line: 1, column: 1 };
  const what = options.what ?? 'file';
  const fail = (rule: string, message: string, hints?: string[]): ReadResult => ({ ok: false, diagnostic: diag('error', rule, message, pos, hints) });

  if (options.root) {
    const placed = placeInside(options.root.dir, file, options.root.dir, { allowAbsolute: true });
    if (!placed.ok) return fail(options.root.rule ?? 'path', `the ${what} ${options.shown} ${describeRefusal(placed, options.root.name)}`, [`keep it inside ${options.root.name}`]);
  }
  // The kind is checked before opening, so no device is ever opened (some act on open), and
  // again on the open descriptor, so a file swapped in between is caught too.
  let kind = kindOfPath(file);
  if (kind.error) return fail('io', `cannot read the ${what} ${options.shown}: ${kind.error}`);
  if (kind.not) return fail('io', `the ${what} ${options.shown} is ${kind.not}, not a file`, ['name a regular file']);

  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return fail('io', `cannot read the ${what} ${options.shown}: ${errnoWords(e)}`);
  }
  try {
    kind = kindOfStats(fs.fstatSync(fd));
    if (kind.not) return fail('io', `the ${what} ${options.shown} is ${kind.not}, not a file`, ['name a regular file']);
    const max = options.limit.value;
    const declared = fs.fstatSync(fd).size;
    const tooLarge = (size: string) =>
      fail(options.limit.rule, `the ${what} has ${size} bytes; the limit is ${formatCount(max)}`, options.tooLargeHint ? [options.tooLargeHint] : undefined);
    if (declared > max) return tooLarge(formatCount(declared));
    // Files such as those of /proc say size 0 and still have content: read to the end, bounded.
    let buf = Buffer.allocUnsafe(Math.min(max + 1, Math.max(declared + 1, CHUNK)));
    let length = 0;
    const deadline = Date.now() + LIMITS.readMilliseconds.value;
    for (;;) {
      if (length === buf.length) {
        if (length > max) return tooLarge(`more than ${formatCount(max)}`);
        const bigger = Buffer.allocUnsafe(Math.min(max + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, length, Math.min(CHUNK, buf.length - length), null);
      if (n === 0) break;
      length += n;
      if (length > max) return tooLarge(`more than ${formatCount(max)}`);
      if (Date.now() > deadline) return fail(LIMITS.readMilliseconds.rule, `reading the ${what} ${options.shown} took more than ${LIMITS.readMilliseconds.value / 1000} s`, ['copy it to a local disk']);
    }
    return { ok: true, bytes: buf.subarray(0, length) };
  } catch (e) {
    return fail('io', `cannot read the ${what} ${options.shown}: ${errnoWords(e)}`);
  } finally {
    fs.closeSync(fd);
  }
}

interface Kind {
  /** What the path names when it is not a regular file: `a folder`, `a FIFO (named pipe)`… */
  not?: string;
  error?: string;
}

/**
 * What `file` (or the open `fd`) is when it is no regular file (`a folder`, `a FIFO (named
 * pipe)`, `a device`…), for a reader that opens files its own way (fonts read in part); the
 * path is checked before it is opened, so no device is ever opened and no pipe waits.
 */
export function notRegularFile(file: string, fd?: number): string | undefined {
  const kind = fd === undefined ? kindOfPath(file) : kindOfStats(fs.fstatSync(fd));
  return kind.not ?? kind.error;
}

function kindOfPath(file: string): Kind {
  try {
    return kindOfStats(fs.statSync(file));
  } catch (e) {
    return { error: errnoWords(e) };
  }
}

function kindOfStats(st: fs.Stats): Kind {
  if (st.isFile()) return {};
  if (st.isDirectory()) return { not: 'a folder' };
  if (st.isFIFO()) return { not: 'a FIFO (named pipe)' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { not: 'a device' };
  if (st.isSocket()) return { not: 'a socket' };
  return { not: 'a special file' };
}

/** An errno as words a user reads: `no such file`, `permission denied`. */
export function errnoWords(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ELOOP':
      return 'a symbolic link that loops';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EIO':
      return 'an input/output error on the disk';
    case 'ENOSPC':
      return 'no space left on the disk';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EFBIG':
      return 'the file would be larger than the system allows (ulimit -f)';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EEXIST':
      return 'something is already there';
    case 'ENOTEMPTY':
      return 'a folder that is not empty is in the way';
    case 'EBUSY':
      return 'the file is in use';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}
