import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.js';
import { importCommand } from '../../src/cli/commands/import.js';
import { importDocx } from '../../src/import/docx/index.js';
import { buildInto, ROOT, tempDir } from '../support.js';
import { editDocx, paragraphsOf, trackInsert } from './word-xml.js';

const SAMPLE = path.join(ROOT, 'content/bulletins/sample-2021-01.yaml');
const ISSUE = 'content/bulletins/sample-2021-01.yaml';

async function run(argv: string[], cwd: string) {
  const out = { stdout: '', stderr: '' };
  const io: CliIO = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), cwd, interactive: false };
  const code = await importCommand.run(argv, io);
  return { code, ...out };
}

/** A copy of the project's content/ (the issue and its articles) with the draft next to it. */
function project(docx: Uint8Array): string {
  const dir = tempDir('jianbao-issue-');
  fs.cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'issue.docx'), docx);
  return dir;
}

/** Every file under content/, with its text. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(path.join(dir, 'content'), { recursive: true, encoding: 'utf8' })) {
    const abs = path.join(dir, 'content', f);
    if (fs.statSync(abs).isFile()) out[f] = fs.readFileSync(abs, 'utf8');
  }
  return out;
}

describe.skipIf(!fs.existsSync(SAMPLE)).each(['bulletin', 'booklet'])('the sample issue’s %s draft', (layout) => {
  let docx: Uint8Array;

  beforeAll(async () => {
    docx = (await buildInto([SAMPLE], { layouts: [layout], formats: ['docx'] })).read(`bulletins/sample-2021-01/${layout}.docx`);
  });

  it('reads back as the issue’s articles, in order; an article file takes only one', () => {
    const r = importDocx(docx, `${layout}.docx`, { several: true });
    expect(r.articles.map((a) => a.title)).toEqual(['示例单位召开2021年度工作部署会（示例）', '关于做好基层信息报送工作的几点思考（示例）', '创新举措凝心聚力 推进常州统战事业蓬勃发展']);
    expect(() => importDocx(docx, `${layout}.docx`)).toThrow(/several-articles.*holds 3 articles/);
  });

  it('goes --into the issue with zero differences: no file changes', async () => {
    const dir = project(docx);
    const before = snapshot(dir);
    const r = await run(['issue.docx', '--into', ISSUE, '--yes', '-q'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`no changes: issue.docx has the content of ${ISSUE}`);
    expect(r.stdout).toContain(`unchanged ${ISSUE}`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('takes an edit of one article back into that article’s file only', async () => {
    const edited = editDocx(docx, (parts) => {
      const xml = parts['word/document.xml']!;
      const p = paragraphsOf(xml).find((q) => q.text.startsWith('会议要求，各部门要把任务分解到岗'))!;
      parts['word/document.xml'] = xml.slice(0, p.start) + trackInsert(p.xml, '会议要求，', '各单位和') + xml.slice(p.end);
    });
    const dir = project(edited);
    const before = snapshot(dir);
    const r = await run(['issue.docx', '--into', ISSUE, '--changes', 'accept', '--yes', '-q'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- content/articles/sample-work-meeting.yaml\n+++ issue.docx (article 1)\n1 change (1 changed)');
    expect(r.stdout).toContain('~ 二、 ¶1');
    expect(r.stdout).toContain('updated content/articles/sample-work-meeting.yaml');
    const after = snapshot(dir);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed).toEqual(['articles/sample-work-meeting.yaml']);
    expect(after['articles/sample-work-meeting.yaml']).toContain('会议要求，各单位和各部门要把任务分解到岗');
  });

  it('refuses a draft whose articles are not the issue’s (a title deleted)', async () => {
    const cut = editDocx(docx, (parts) => {
      const xml = parts['word/document.xml']!;
      const titles = paragraphsOf(xml).filter((q) => q.style === 'Title');
      const last = titles[titles.length - 1]!;
      parts['word/document.xml'] = xml.slice(0, last.start) + xml.slice(last.end);
    });
    const r = await run(['issue.docx', '--into', ISSUE], project(cut));
    expect(r.code).toBe(1);
    // The third article's column label is still there, now an article without a title.
    expect(r.stderr).toMatch(/error\[issue-articles\]: issue\.docx holds 3 articles \(.*'\(untitled\)'\); content\/bulletins\/sample-2021-01\.yaml places 3 \(/);
  });
});
