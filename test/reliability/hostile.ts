import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { cli, ROOT, tempDir } from '../support.js';

/**
 * A project folder for one hostile input: files by path (text or bytes), symbolic links, FIFOs,
 * and, when asked, its own copy of the templates to edit. A previous build's outputs are planted
 * in out/, which a refused build must leave exactly as they are.
 */
export interface HostileProject {
  files?: Record<string, string | Buffer>;
  links?: Record<string, string>;
  fifos?: string[];
  /** Copies templates/ into the project and applies each [file, from, to] edit. */
  templates?: [string, string, string][];
}

const made: string[] = [];

/** Writes files (text or bytes), symbolic links and FIFOs under `dir`, making folders as needed. */
export function writeTree(dir: string, tree: Pick<HostileProject, 'files' | 'links' | 'fifos'>): void {
  const at = (rel: string) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return file;
  };
  for (const [rel, data] of Object.entries(tree.files ?? {})) fs.writeFileSync(at(rel), data);
  for (const [rel, target] of Object.entries(tree.links ?? {})) fs.symlinkSync(target, at(rel));
  for (const rel of tree.fifos ?? []) execFileSync('mkfifo', [at(rel)]);
}

export function hostileProject(p: HostileProject): string {
  const dir = tempDir('jianbao-hostile-');
  made.push(dir);
  // A project (its content/ folder marks its root), even when the hostile input is named from outside it.
  fs.mkdirSync(path.join(dir, 'content'), { recursive: true });
  writeTree(dir, p);
  if (p.templates) {
    fs.cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
    for (const [rel, from, to] of p.templates) {
      const file = path.join(dir, 'templates', rel);
      const text = fs.readFileSync(file, 'utf8');
      expect(text, `the edit of ${rel} applies`).toContain(from);
      fs.writeFileSync(file, text.replace(from, to));
    }
  }
  writeTree(dir, { files: { 'out/articles/a/report.pdf': '%PDF-1.7 previous\n%%EOF\n', 'out/manifest.json': '{"generator":"previous","outputs":[]}\n' } });
  return dir;
}

/** Removes the projects made so far (call from afterAll). */
export function removeProjects(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** Every file under `dir` with its bytes (base64), FIFOs and devices by their kind only. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out[path.relative(dir, full)] = fs.readFileSync(full).toString('base64');
      else out[path.relative(dir, full)] = e.isFIFO() ? '(fifo)' : e.isSymbolicLink() ? `(link to ${fs.readlinkSync(full)})` : '(special)';
    }
  };
  walk(dir);
  return out;
}

/** One diagnostic a refused run must print: exact rule, file, line and column. */
export interface Expected {
  rule: string;
  file: string;
  line: number;
  column: number;
  message?: string | RegExp;
  hint?: string;
  severity?: 'error' | 'warning';
}

/**
 * Runs the CLI in the project as a user would (relative paths) and checks the promise for bad
 * input: exit 1, the expected diagnostics and no other, each printed once, no stack trace, the
 * "nothing was written" line, and every file of the project (out/ included) exactly as before.
 */
export async function expectRefused(dir: string, argv: string[], expected: Expected[]): Promise<string> {
  const before = snapshot(dir);
  const { code, stdout, stderr } = await runIn(dir, argv);
  expect(code, stderr).toBe(1);
  expect(stderr).not.toMatch(/\n\s+at |internal error|RangeError|TypeError/);
  const heads = stderr.split('\n').filter((l) => /: (error|warning)\[/.test(l) || /^(error|warning)\[/.test(l));
  expect(heads, stderr).toHaveLength(expected.length);
  for (const [i, e] of expected.entries()) {
    const head = heads[i]!;
    expect(head, stderr).toMatch(new RegExp(`^${escapeRe(`${e.file}:${e.line}:${e.column}: ${e.severity ?? 'error'}[${e.rule}]: `)}`));
    if (typeof e.message === 'string') expect(head).toContain(e.message);
    else if (e.message) expect(head).toMatch(e.message);
    if (e.hint) expect(stderr.slice(stderr.indexOf(head))).toContain(`= hint: ${e.hint}`);
    expect(stderr.split(head).length - 1, 'printed once').toBe(1);
  }
  const errors = expected.filter((e) => (e.severity ?? 'error') === 'error').length;
  expect(stderr).toContain(`${errors} error${errors === 1 ? '' : 's'}; nothing was written`);
  expect(stdout.includes('wrote ')).toBe(false);
  expect(snapshot(dir), 'nothing written, nothing removed').toEqual(before);
  return stderr;
}

/** Runs the CLI with the project as the working folder. */
export async function runIn(dir: string, argv: string[]) {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await cli(argv, dir);
  } finally {
    process.chdir(before);
  }
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A content file of an article from its fields (YAML text as given) and body lines. */
export function articleYaml(body = '  - 示例段落。\n', head = 'title: 示例标题\ndate: 2021-03-04\n'): string {
  return `${head}body:\n${body}`;
}
