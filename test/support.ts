import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/pipeline/build.js';
import { projectPaths, type ProjectPaths } from '../src/pipeline/project.js';
import type { Format } from '../src/render/registry.js';
import { runCli } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/command.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SEED = path.join(ROOT, 'content/articles/changzhou-united-front-2020.yaml');

/** A fresh temporary folder, removed by the caller's afterAll if wanted. */
export function tempDir(prefix = 'jianbao-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Builds content files with the project's templates into a temporary out folder. */
export async function buildInto(inputs: string[], opts: { layouts?: string[]; formats?: Format[]; draft?: boolean; pdfa?: boolean } = {}) {
  const out = tempDir();
  const paths: ProjectPaths = { ...projectPaths(ROOT), outDir: out };
  const result = await build({ paths, inputs, ...opts });
  const read = (rel: string) => new Uint8Array(fs.readFileSync(path.join(out, rel)));
  return { out, result, read };
}

/** Runs the CLI in-process with captured output. */
export async function cli(argv: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, interactive: false };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Every text value of an article's YAML, in document order (what must reach both outputs). */
export function contentStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(contentStrings);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'layouts' || k === 'date' || k === 'src' ? [] : contentStrings(v)));
  }
  return [];
}

/** An article's texts in the order a reader meets them on the page: label, title, note, body, source. */
export function articleReadingOrder(data: Record<string, unknown>): string[] {
  return ['column', 'title', 'subtitle', 'editorNote', 'body', 'source', 'author'].flatMap((k) => (k in data ? contentStrings(data[k]) : []));
}

/** Checks that each piece occurs in `haystack` in order; returns the first piece that does not. */
export function firstMissingInOrder(haystack: string, pieces: readonly string[]): string | undefined {
  let from = 0;
  for (const piece of pieces) {
    const needle = piece.replace(/\s+/g, '');
    if (!needle) continue;
    const at = haystack.indexOf(needle, from);
    if (at < 0) return piece;
    from = at + needle.length;
  }
  return undefined;
}
