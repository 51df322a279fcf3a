import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importDocx } from '../../src/import/docx/index.js';
import { diffArticles, formatDiff } from '../../src/import/into/article-diff.js';
import { mergeIntoYaml } from '../../src/import/into/merge.js';
import { buildInto, SEED } from '../support.js';
import { editDocx, paragraphsOf, trackInsert, wordParagraph } from './word-xml.js';

type Section = { heading: string; body: unknown[] };

/**
 * An editor's session in Word, done to the XML: one paragraph changed, a section added (typed
 * with its number, as the others show it), one deleted, and one insertion made with changes tracked.
 */
function edit(xml: string): string {
  const ps = paragraphsOf(xml);
  const find = (text: string) => {
    const p = ps.find((q) => q.text.includes(text));
    if (!p) throw new Error(`no paragraph with '${text}'`);
    return p;
  };
  const changed = find('面对突如其来的新冠肺炎疫情');
  const tracked = find('立足大统战工作格局，');
  const deletedHeading = find('多党合作制度效能有效提升');
  const deletedBody = ps[ps.indexOf(deletedHeading) + 1]!;
  const closing = find('2021年，全市统一战线将');
  const added = wordParagraph('Heading1', '十一、加强统战干部队伍建设') + wordParagraph('BodyText', '选优配强各级统战干部，加强教育培训，提升履职能力。');
  // Later paragraphs first, so earlier offsets stay valid.
  let out = xml;
  const splice = (start: number, end: number, text: string) => (out = out.slice(0, start) + text + out.slice(end));
  splice(closing.start, closing.start, added);
  splice(deletedHeading.start, deletedBody.end, '');
  splice(tracked.start, tracked.end, trackInsert(tracked.xml, '立足大统战工作格局，', '坚持守正创新，'));
  splice(changed.start, changed.end, changed.xml.replace('新冠肺炎疫情', '新型冠状病毒肺炎疫情'));
  return out;
}

describe('an edited draft comes back as exactly its edits', () => {
  let original: Record<string, unknown>;
  let seedText: string;
  let edited: Uint8Array;

  beforeAll(async () => {
    seedText = fs.readFileSync(SEED, 'utf8');
    original = parse(seedText) as Record<string, unknown>;
    const { read } = await buildInto([SEED], { formats: ['docx'] });
    edited = editDocx(read('articles/changzhou-united-front-2020/report.docx'), (parts) => {
      parts['word/document.xml'] = edit(parts['word/document.xml']!);
    });
  });

  /** The seed with the editor's four changes, made by hand on the data. */
  function expected(accepted: boolean): Record<string, unknown> {
    const data = structuredClone(original);
    const body = data['body'] as unknown[];
    const first = body[0] as Section;
    first.body[0] = (first.body[0] as string).replace('新冠肺炎疫情', '新型冠状病毒肺炎疫情');
    const second = body[1] as Section;
    if (accepted) second.body[0] = (second.body[0] as string).replace('立足大统战工作格局，', '立足大统战工作格局，坚持守正创新，');
    body.splice(2, 1);
    body.splice(body.length - 1, 0, { heading: '加强统战干部队伍建设', body: ['选优配强各级统战干部，加强教育培训，提升履职能力。'] });
    return data;
  }

  it('refuses to guess about tracked changes: accept or reject must be chosen', () => {
    expect(() => importDocx(edited, 'edited.docx')).toThrow(/error\[tracked-changes\]: edited\.docx has 1 tracked change \(1 insertion\) by 编辑甲: say which text to import/);
  });

  it('with --changes accept, updates the content file with exactly the four edits', () => {
    const r = importDocx(edited, 'edited.docx', { changes: 'accept' });
    const merged = mergeIntoYaml(seedText, r.article, 'seed.yaml');
    expect(merged.after).toEqual(expected(true));
    // The file keeps its comment and everything not edited.
    expect(merged.yaml.startsWith('# imported by jianbao import from 000_92ff920bbef54819.txt\n')).toBe(true);
    expect(parse(merged.yaml)).toEqual(expected(true));
  });

  it('with --changes reject, has the other three edits and not the tracked insertion', () => {
    const r = importDocx(edited, 'edited.docx', { changes: 'reject' });
    expect(mergeIntoYaml(seedText, r.article, 'seed.yaml').after).toEqual(expected(false));
  });

  it('shows a readable diff: the changed characters marked, the section added and the one deleted', () => {
    const r = importDocx(edited, 'edited.docx', { changes: 'accept' });
    const merged = mergeIntoYaml(seedText, r.article, 'seed.yaml');
    const diff = diffArticles(merged.before, merged.after);
    expect(diff.lines.map((l) => [l.op, l.where])).toEqual([
      ['~', '一、 ¶1'],
      ['~', '二、 ¶1'],
      ['-', '§三、'],
      ['-', '三、 ¶1'],
      ['+', '§十、'],
      ['+', '十、 ¶1'],
    ]);
    expect(diff.lines[0]!.text).toBe('2020年，面对突如其来的新[-冠-]{+型冠状病毒+}肺炎疫情，全市统一战线第…');
    expect(diff.lines[1]!.text).toBe('立足大统战工作格局，{+坚持守正创新，+}进一步健全统战工作制度和…');
    expect(diff.lines[2]!.text).toBe('多党合作制度效能有效提升');
    expect(diff.lines[4]!.text).toBe('加强统战干部队伍建设');
    const text = formatDiff(diff, 'content/articles/changzhou-united-front-2020.yaml', 'edited.docx');
    expect(text.split('\n').slice(0, 3)).toEqual([
      '--- content/articles/changzhou-united-front-2020.yaml',
      '+++ edited.docx',
      '6 changes (2 changed, 2 added, 2 removed); [-removed-] and {+added+} characters marked',
    ]);
  });
});
