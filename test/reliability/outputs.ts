import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT, tempDir } from '../support.js';
import { escapeRe, runIn, snapshot, writeTree, type Expected, type HostileProject } from './hostile.js';

/**
 * Projects and checks for what a build writes: a project sits inside an outer folder of its own,
 * so a write that escapes it (`../..` in a manifest, a link out) lands where the test looks.
 */
const made: string[] = [];

export function nestedProject(tree: Pick<HostileProject, 'files' | 'links' | 'fifos'>): { outer: string; dir: string } {
  const outer = tempDir('jianbao-outputs-');
  made.push(outer);
  const dir = path.join(outer, 'project');
  fs.mkdirSync(dir);
  writeTree(dir, tree);
  return { outer, dir };
}

export function removeNested(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** What a run must print: its exit code, every diagnostic head (rule and position) in order, and its last line on stderr. */
export interface Outcome {
  code: number;
  diagnostics: Expected[];
  /** The last line on stderr (the summary of a refused or stopped build). */
  last?: string | RegExp;
}

/** Runs the CLI in-process in `dir` and checks the outcome: exact exit code, each diagnostic once at its place, no stack trace. */
export async function expectRun(dir: string, argv: string[], o: Outcome): Promise<{ stdout: string; stderr: string }> {
  const r = await runIn(dir, argv);
  checkOutcome(r, o);
  return r;
}

export function checkOutcome(r: { code: number | null; stdout: string; stderr: string }, o: Outcome): void {
  expect(r.code, r.stderr).toBe(o.code);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error|RangeError|TypeError/);
  const heads = r.stderr.split('\n').filter((l) => /^\S.*: (error|warning)\[/.test(l) || /^(error|warning)\[/.test(l));
  expect(heads, r.stderr).toHaveLength(o.diagnostics.length);
  for (const [i, e] of o.diagnostics.entries()) {
    const where = e.file ? `${e.file}:${e.line}:${e.column}: ` : '';
    expect(heads[i], r.stderr).toMatch(new RegExp(`^${escapeRe(`${where}${e.severity ?? 'error'}[${e.rule}]: `)}`));
    if (typeof e.message === 'string') expect(heads[i]).toContain(e.message);
    else if (e.message) expect(heads[i]).toMatch(e.message);
    if (e.hint) expect(r.stderr).toContain(`= hint: ${e.hint}`);
  }
  if (o.last !== undefined) {
    const last = r.stderr.trimEnd().split('\n').pop() ?? '';
    if (typeof o.last === 'string') expect(last).toBe(o.last);
    else expect(last).toMatch(o.last);
  }
}

/** The outer folder holds the project and nothing else: no write escaped it. */
export function expectNothingOutside(outer: string, allowed: string[] = []): void {
  expect(fs.readdirSync(outer).sort()).toEqual(['project', ...allowed].sort());
}

/**
 * The out folder's lists are true: every manifest entry's file is there with its sha256 (and
 * its preview, when it names one), SHA256SUMS lists exactly the manifest's outputs, no temporary
 * file and no lock are left, and every file in the folder is a regular file inside it.
 */
export function expectListsTrue(out: string): { path: string; sha256: string; source: string; draft?: true }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string; sha256: string; source: string; preview?: string; draft?: true }[] };
  for (const e of manifest.outputs) {
    const file = path.join(out, e.path);
    expect(fs.lstatSync(file).isFile(), e.path).toBe(true);
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'), e.path).toBe(e.sha256);
    if (e.preview) expect(fs.existsSync(path.join(out, e.preview)), e.preview).toBe(true);
  }
  const sums = fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8');
  expect(sums).toBe(manifest.outputs.map((e) => `${e.sha256}  ${e.path}\n`).join(''));
  const all = Object.keys(snapshot(out));
  expect(all.filter((f) => /(^|\/)\.jianbao-/.test(f)), 'no temporary file or lock left').toEqual([]);
  return manifest.outputs;
}

export const CLI = path.join(ROOT, 'bin/jianbao.cjs');

/**
 * Runs the compiled CLI in a child process (as a user's shell would: a signal can reach it, a
 * `ulimit` can bound it). `shell` is bash to run first, such as `ulimit -f 16;`; `prefix` a
 * command the CLI runs under (`setpriv …`). `onStdout` sees each chunk as it comes, with the
 * child to signal.
 */
export function spawnCli(
  dir: string,
  args: string[],
  opts: { shell?: string; prefix?: string[]; onStdout?: (text: string, child: ReturnType<typeof spawn>) => void } = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const quoted = [...(opts.prefix ?? []), process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = opts.shell || opts.prefix
      ? spawn('bash', ['-c', `${opts.shell ?? ''} exec ${quoted}`], { cwd: dir, env: { ...process.env, CI: '1', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, CI: '1', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      opts.onStdout?.(stdout, child);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The pid of a process that has exited (a lock naming it is stale). */
export async function deadPid(): Promise<number> {
  const child = spawn('true');
  const pid = child.pid!;
  await new Promise((resolve) => child.on('close', resolve));
  return pid;
}

/** A manifest as a build writes it (two-space JSON), and where the value of `key` in the entry at `index` starts. */
export function manifestWithPos(manifest: unknown, index: number, key: string): { text: string; line: number; column: number } {
  const text = JSON.stringify(manifest, null, 2) + '\n';
  const lines = text.split('\n');
  let seen = -1;
  for (const [i, l] of lines.entries()) {
    if (/^ {4}\{$/.test(l)) seen++;
    const m = new RegExp(`^ {6}"${key}": `).exec(l);
    if (seen === index && m) return { text, line: i + 1, column: m[0].length + 1 };
  }
  throw new Error(`no ${key} in entry ${index}`);
}
