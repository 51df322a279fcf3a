import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CliIO } from '../../src/cli/command.js';
import { importCommand } from '../../src/cli/commands/import.js';
import { buildInto, SEED, tempDir } from '../support.js';
import { buildProject, richProject } from './fixture.js';
import { editDocx, paragraphsOf, trackInsert } from './word-xml.js';

async function run(argv: string[], cwd: string, options: Partial<CliIO> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIO = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), cwd, interactive: false, ...options };
  const code = await importCommand.run(argv, io);
  return { code, ...out };
}

const INTO = 'content/articles/changzhou-united-front-2020.yaml';

describe('jianbao import draft.docx --into', () => {
  let seedDocx: Uint8Array;
  let edited: Uint8Array;

  beforeAll(async () => {
    seedDocx = (await buildInto([SEED], { formats: ['docx'] })).read('articles/changzhou-united-front-2020/report.docx');
    edited = editDocx(seedDocx, (parts) => {
      const xml = parts['word/document.xml']!;
      const para = paragraphsOf(xml).find((q) => q.text.includes('立足大统战工作格局，'))!;
      parts['word/document.xml'] = xml.slice(0, para.start) + trackInsert(para.xml, '立足大统战工作格局，', '坚持守正创新，') + xml.slice(para.end);
    });
  });

  /** A project folder with the seed article and the edited draft next to it. */
  function project(): string {
    const dir = tempDir('jianbao-into-');
    fs.mkdirSync(path.join(dir, 'content/articles'), { recursive: true });
    fs.copyFileSync(SEED, path.join(dir, INTO));
    fs.writeFileSync(path.join(dir, 'edited.docx'), edited);
    fs.writeFileSync(path.join(dir, 'draft.docx'), seedDocx);
    return dir;
  }
  const content = (dir: string) => fs.readFileSync(path.join(dir, INTO), 'utf8');

  it('refuses tracked changes until told what to do with them, and writes nothing', async () => {
    const dir = project();
    const r = await run(['edited.docx', '--into', INTO], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[tracked-changes]: edited.docx has 1 tracked change (1 insertion) by 编辑甲: say which text to import');
    expect(r.stderr).toContain('= hint: --changes accept imports the text as edited; --changes reject imports it as it was before the edits');
    expect(content(dir)).toBe(fs.readFileSync(SEED, 'utf8'));
  });

  it('without a terminal, prints the diff, writes nothing and exits 0 with a note', async () => {
    const dir = project();
    const r = await run(['edited.docx', '--changes', 'accept', '--into', INTO, '-q'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`--- ${INTO}\n+++ edited.docx\n1 change (1 changed); [-removed-] and {+added+} characters marked\n~ 二、 ¶1  立足大统战工作格局，{+坚持守正创新，+}进一步健全统战工作制度和…`);
    expect(r.stdout).toContain(`not written: ${INTO} stays as it was; run again with --yes to write the changes`);
    expect(content(dir)).toBe(fs.readFileSync(SEED, 'utf8'));
  });

  it('in a terminal, asks; no keeps the file, yes writes it', async () => {
    const dir = project();
    const questions: string[] = [];
    const no = await run(['edited.docx', '--changes=accept', '--into', INTO], dir, { interactive: true, ask: async (q) => (questions.push(q), 'n') });
    expect(no.code).toBe(1);
    expect(questions).toEqual([`write these changes to ${INTO}? [y/N] `]);
    expect(no.stdout).toContain('{+坚持守正创新，+}');
    expect(no.stderr).toBe(`not written: ${INTO} kept as it was\n`);
    expect(content(dir)).toBe(fs.readFileSync(SEED, 'utf8'));

    const yes = await run(['edited.docx', '--changes=accept', '--into', INTO], dir, { interactive: true, ask: async () => 'y' });
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain(`updated ${INTO}`);
    const data = parse(content(dir)) as { body: { body: string[] }[] };
    expect(data.body[1]!.body[0]).toMatch(/^立足大统战工作格局，坚持守正创新，进一步健全/);
    expect(content(dir).startsWith('# imported by jianbao import from 000_92ff920bbef54819.txt\n')).toBe(true);
  });

  it('writes with --yes, and a second import finds nothing to change', async () => {
    const dir = project();
    const first = await run(['edited.docx', '--changes', 'reject', '--into', INTO, '--yes'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`no changes: edited.docx has the content of ${INTO}`);
    expect(first.stdout).toContain(`unchanged ${INTO}`);
    const accepted = await run(['edited.docx', '--changes', 'accept', '--into', INTO, '-y'], dir);
    expect(accepted.stdout).toContain(`updated ${INTO}`);
    const again = await run(['edited.docx', '--changes', 'accept', '--into', INTO, '--yes', '-q'], dir);
    expect(again.stdout).toContain(`unchanged ${INTO}`);
  });

  it('prints the diff as JSON with --json', async () => {
    const dir = project();
    const r = await run(['edited.docx', '--changes', 'accept', '--into', INTO, '--json'], dir);
    const json = JSON.parse(r.stdout) as { diff: { op: string; where: string }[]; written: boolean; summary: { format: string; changes: { insertions: number; mode: string } } };
    expect(json.diff.map((l) => [l.op, l.where])).toEqual([['~', '二、 ¶1']]);
    expect(json.written).toBe(false);
    expect(json.summary).toMatchObject({ format: 'docx', changes: { insertions: 1, mode: 'accept' } });
  });

  it('reports the draft as a Word document in the summary', async () => {
    const r = await run(['draft.docx'], project());
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('imported draft.docx (Word document)');
    expect(r.stderr).toContain('  changes        none tracked');
    expect(r.stdout).toBe(fs.readFileSync(SEED, 'utf8').replace('from 000_92ff920bbef54819.txt', 'from draft.docx'));
  });

  it.each([
    [['draft.docx', '--into', 'a.yaml', '-o', 'b.yaml'], '-o writes a new file and --into updates one: give one of them'],
    [['draft.docx', '--changes', 'acept'], "--changes must be accept or reject, not 'acept' (did you mean 'accept'?)"],
    [['draft.docx', '--yes'], '--yes answers the question --into asks'],
    [['draft.docx', '--into', 'content/articles/none.yaml'], '--into updates an existing content file, and content/articles/none.yaml does not exist; write a new one with -o'],
  ])('%j is bad usage (exit 2)', async (argv, message) => {
    const r = await run(argv, project());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('jianbao import -o with pictures', () => {
  it('writes the pictures of the draft to figures/ next to the new YAML', async () => {
    const { dir, file } = richProject();
    const { read } = await buildProject(dir, [file], { formats: ['docx'] });
    fs.writeFileSync(path.join(dir, 'rich.docx'), read('articles/rich/report.docx'));
    const r = await run(['rich.docx', '-o', 'content/articles/copy.yaml', '-q'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote content/articles/copy.yaml and 1 picture in figures/');
    expect(fs.readFileSync(path.join(dir, 'content/articles/figures/copy-1.png'))).toEqual(fs.readFileSync(path.join(dir, 'content/articles/figures/chart.png')));
    expect(fs.readFileSync(path.join(dir, 'content/articles/copy.yaml'), 'utf8')).toContain('src: figures/copy-1.png');
  });
});
