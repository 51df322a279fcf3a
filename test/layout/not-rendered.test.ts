import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError, type Diagnostic } from '../../src/diagnostics/index.js';
import { plan } from '../../src/pipeline/plan.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { articleProject } from '../reliability/project.js';

/** An article with one block of each kind; each block's line in the file is noted. */
const ARTICLE = [
  'title: 示例标题', //  1
  'date: 2021-03-04', // 2
  'body:', //            3
  '  - 示例正文一段。', // 4
  '  - list: [第一项, 第二项]', // 5
  '  - table: { caption: 示例表, header: [甲, 乙], rows: [[一, 二]] }', // 6
  '  - heading: 示例小节', // 7
  '    body: [小节正文。]', // 8
  '',
].join('\n');

/** Plans the article with its project's own copy of the templates, changed by `edit`; the diagnostics that stop it. */
function planWith(edit: (blocksPartial: string) => string): Diagnostic[] {
  const { dir } = articleProject(ARTICLE, { templates: true });
  const partial = path.join(dir, 'templates/partials/blocks.hbs');
  const text = fs.readFileSync(partial, 'utf8');
  const changed = edit(text);
  expect(changed).not.toBe(text);
  fs.writeFileSync(partial, changed);
  try {
    plan({ paths: projectPaths(dir), inputs: [] });
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics;
    throw e;
  }
  return [];
}

describe('content a layout does not render', () => {
  it('is nothing to complain of with the templates as shipped', () => {
    expect(planWith((t) => t + '\n')).toEqual([]);
  });

  it('stops the build at the YAML position of a block kind the template does not handle', () => {
    // A copy of the templates that knows one kind of block fewer (as one written before `list` existed).
    const ds = planWith((t) => t.replace(/\{\{else if \(eq kind "list"\)\}\}[^\n]*\n/, ''));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ rule: 'not-rendered', severity: 'error', pos: { line: 5, column: 5 } });
    expect(ds[0]!.pos!.file).toMatch(/content\/articles\/a\.yaml$/);
    expect(ds[0]!.message).toBe('the layout `report` renders nothing of this list');
  });

  it('stops the build where the template adds a kind of its own but drops a known one', () => {
    // The dispatch gains a branch for a kind content does not have, and loses the table's.
    const ds = planWith((t) => t.replace('{{else if (eq kind "table")}}', '{{else if (eq kind "quote")}}'));
    expect(ds.map((d) => [d.rule, d.pos?.line])).toEqual([['not-rendered', 6]]);
  });

  it('stops the build when the template keeps a block but drops its text (a table without its cells)', () => {
    const ds = planWith((t) => t.replace('{{#each rows}}<tr>{{#each this}}<td>{{this}}</td>{{/each}}</tr>', '{{#each rows}}<tr></tr>'));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ rule: 'not-rendered', pos: { line: 6 } });
    expect(ds[0]!.message).toBe("the layout `report` drops text of this table: '一'");
  });

  it('reports a section whose heading is left out, and checks its body on its own', () => {
    const ds = planWith((t) => t.replace(/\{\{else if \(eq kind "section"\)\}\}[^\n]*\n/, '{{else if (eq kind "section")}}'));
    expect(ds.map((d) => [d.message, d.pos?.line])).toEqual([['the layout `report` renders nothing of this section heading', 7]]);
  });
});
