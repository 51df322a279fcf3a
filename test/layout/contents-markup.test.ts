import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics/index.js';
import { parseMarkup } from '../../src/markup/index.js';

function parse(body: string) {
  const markup = `<doc title="示例" date="2021-03-04">${body}</doc>`;
  return parseMarkup(markup, { templateFile: 'templates/x.hbs', templateSource: markup, styles: ['body', 'title', 'entry'], furniture: {} });
}

function errors(body: string): string[] {
  try {
    parse(body);
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics.map((d) => d.message);
    throw e;
  }
  return [];
}

describe('page references in the markup', () => {
  it('give a contents list its entries, each naming the block it refers to by id', () => {
    const { blocks } = parse('<contents><p style="body">本期目录</p><entry style="entry" ref="a1">示例标题</entry></contents><p style="title" id="a1">示例标题</p><heading style="title" level="1" id="h-2">示例小标题</heading>');
    expect(blocks).toEqual([
      {
        kind: 'contents',
        blocks: [
          { kind: 'paragraph', style: 'body', inlines: [{ kind: 'text', text: '本期目录' }] },
          { kind: 'contentsEntry', style: 'entry', target: 'a1', inlines: [{ kind: 'text', text: '示例标题' }] },
        ],
      },
      { kind: 'paragraph', style: 'title', id: 'a1', inlines: [{ kind: 'text', text: '示例标题' }] },
      { kind: 'heading', style: 'title', level: 1, id: 'h-2', inlines: [{ kind: 'text', text: '示例小标题' }] },
    ]);
  });

  it('are errors when they name no block, when an id is given twice or is not a name, or outside a contents list', () => {
    expect(errors('<contents><entry style="entry" ref="a2">甲</entry></contents><p style="title" id="a1">甲</p>')).toEqual([
      '<entry ref="a2"> names no block: give the block it refers to `id="a2"`; did you mean `a1`?',
    ]);
    expect(errors('<p style="title" id="a1">甲</p><p style="title" id="a1">乙</p>')).toEqual(['id `a1` is given twice']);
    expect(errors('<p style="title" id="1 a">甲</p>')).toEqual(['id "1 a" must start with a letter and hold only letters, digits, _ and - (at most 64)']);
    expect(errors('<entry style="entry" ref="a1">甲</entry><p style="title" id="a1">甲</p>')).toEqual(['<entry> is a line of a contents list: put it inside <contents>']);
    expect(errors('<foot><contents></contents></foot>')).toEqual(['<contents> is a list of the document: put it directly inside <doc>']);
  });
});
