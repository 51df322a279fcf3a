import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../cli/command.js';
import { importCommand } from '../cli/commands/import.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = 'test/fixtures/import/000_92ff920bbef54819.txt';
const CONTENT = join(ROOT, 'content/articles/changzhou-united-front-2020.yaml');

function io(options: Partial<CliIO> = {}) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIO = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    cwd: ROOT,
    interactive: false,
    ...options,
  };
  return { cli, out };
}

async function run(argv: string[], options: Partial<CliIO> = {}) {
  const { cli, out } = io(options);
  const code = await importCommand.run(argv, cli);
  return { code, ...out };
}

describe('jianbao import', () => {
  it('writes YAML to stdout and the report to stderr', async () => {
    const r = await run([SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(CONTENT, 'utf8'));
    expect(r.stderr).toContain('title          创新举措凝心聚力 推进常州统战事业蓬勃发展');
    expect(r.stderr).toContain('sections: 10 at level 1; 11 paragraphs (0 before the first section, 1 closing)');
    expect(r.stderr).toContain('10. 机关党建水平全面提升  [1 ¶]');
    expect(r.stderr).toContain('punctuation    119 changes (GB/T 15834):');
    expect(r.stderr).toContain("',' → '，'  108");
    expect(r.stderr).toContain(`${SEED}:29:277: warning[range]: numeric range '2020-2035'`);
    expect(r.stderr).not.toContain('info[punct]');
  });

  it('prints every change with --verbose', async () => {
    const r = await run([SEED, '--verbose']);
    expect(r.stderr.match(/info\[punct\]/g)).toHaveLength(119);
    expect(r.stderr).toContain(`${SEED}:9:22: info[punct]: ',' → '，'`);
  });

  it('prints one line and the warnings with --quiet', async () => {
    const r = await run([SEED, '-q']);
    expect(r.stderr.split('\n')[0]).toBe(
      `imported ${SEED}: 创新举措凝心聚力 推进常州统战事业蓬勃发展, 10 sections, 11 paragraphs, 119 punctuation changes, 1 warning`,
    );
    expect(r.stderr).toContain('warning[range]');
    expect(r.stderr).not.toContain('info[');
  });

  it('writes -o through a temporary file and reproduces the repository’s content file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianbao-import-'));
    const out = join(dir, 'articles', 'seed.yaml');
    const first = await run([SEED, '-o', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(CONTENT, 'utf8'));
    expect(readdirSync(join(dir, 'articles'))).toEqual(['seed.yaml']);
    const again = await run([SEED, '-o', out]);
    expect(again.stdout).toContain(`unchanged ${out}`);
  });

  it('asks before replacing a different file in a terminal, and keeps it on no', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianbao-import-'));
    const out = join(dir, 'a.yaml');
    writeFileSync(out, 'title: hand-made\n');
    const questions: string[] = [];
    const ask = async (q: string) => (questions.push(q), 'n');
    const r = await run([SEED, '-o', out], { interactive: true, ask });
    expect(r.code).toBe(1);
    expect(questions).toEqual([`${out} exists and differs; replace it? [y/N] `]);
    expect(readFileSync(out, 'utf8')).toBe('title: hand-made\n');
    const forced = await run([SEED, '-o', out, '--force'], { interactive: true, ask });
    expect(forced.stdout).toContain(`replaced ${out}`);
  });

  it('prints JSON with --json', async () => {
    const r = await run([SEED, '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toMatchObject({ title: '创新举措凝心聚力 推进常州统战事业蓬勃发展', date: '2021-03-04', column: '他山之石', source: '常州日报' });
    expect(json.diagnostics.filter((d: { rule: string }) => d.rule === 'punct')).toHaveLength(119);
    expect(json.yaml).toBe(readFileSync(CONTENT, 'utf8'));
    expect(r.stderr).toBe('');
  });

  it('joins ranges with --ranges=tilde and keeps punctuation with --keep-punctuation', async () => {
    expect((await run([SEED, '--ranges=tilde'])).stdout).toContain('（2020～2035年）');
    const kept = await run([SEED, '--keep-punctuation']);
    expect(kept.stdout).toContain('(2020-2035年)');
    expect(kept.stderr).toContain('kept as it is (--keep-punctuation)');
  });

  it('refuses a .docx with unsupported-input, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianbao-import-'));
    const docx = join(dir, 'report.docx');
    writeFileSync(docx, Buffer.from('PK\x03\x04', 'latin1'));
    const r = await run([docx]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[unsupported-input\]: .*report\.docx is a Word document \(\.docx\)/);
    expect(r.stdout).toBe('');
  });

  it('says a page has no article, names where its text is, and writes nothing, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianbao-import-'));
    const page = join(dir, 'list.html');
    writeFileSync(page, '<html><body><ul class="news"><li><a href="/1">示例市召开全市重点项目推进会</a></li><li><a href="/2">示例区开展安全检查</a></li></ul></body></html>');
    const out = join(dir, 'out.yaml');
    const r = await run([page, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/list\.html:1:1: error\[no-article\]: no article found in .*list\.html: no part of the page has sentences of text; the largest blocks of text are <ul\.news> at line 1: \d+ characters, 100% in links/);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('says when the file is missing, exit 1', async () => {
    const r = await run(['nosuch.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('nosuch.txt:1:1: error[io]: cannot read the file to import nosuch.txt: no such file\n1 error; nothing was written\n');
  });

  it.each([
    [[], 'import needs one FILE to read'],
    [[SEED, 'second.txt'], 'import reads one FILE, got 2'],
    [[SEED, '--nope'], 'unknown option `--nope`'],
    [[SEED, '--ranges=dahs'], "--ranges must be keep, dash or tilde, not 'dahs' (did you mean 'dash'?)"],
    [[SEED, '-q', '-v'], '--quiet and --verbose contradict each other'],
    [[SEED, '-o', SEED], '-o names the input file itself'],
  ])('exits 2 for bad usage: %j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`jianbao import: ${message}`);
    expect(r.stderr).toContain('Run `jianbao import --help` for usage.');
    expect(r.stdout).toBe('');
  });

  it('has full help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['-o, --output', '--keep-punctuation', '--ranges=STYLE', '--json', '--quiet', '--verbose', 'GB/T 15834', 'Exit codes']) {
      expect(r.stdout).toContain(word);
    }
    expect(r.stdout).toBe(importCommand.help + '\n');
    expect(existsSync(CONTENT)).toBe(true);
  });
});
