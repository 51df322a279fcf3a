import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics/index.js';
import type { FurnitureLooks } from '../../src/ir/index.js';
import { parseMarkup } from '../../src/markup/index.js';

const LOOKS: FurnitureLooks = {
  pageNumber: { format: '— {n} —', style: 'pageNumber', position: 'outside', inset: 16, below: 20 },
  header: { style: 'header' },
  watermark: { font: 'hei', size: 80, color: '#C00000', opacity: 0.08, angle: -45 },
};

function parse(body: string, furniture: FurnitureLooks = LOOKS) {
  const markup = `<doc title="示例" date="2021-03-04">${body}<p style="body">示例正文。</p></doc>`;
  return parseMarkup(markup, { templateFile: 'templates/x.hbs', templateSource: markup, styles: ['body', 'header', 'pageNumber'], furniture });
}

function errors(body: string, furniture?: FurnitureLooks): string[] {
  try {
    parse(body, furniture);
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics.map((d) => d.message);
    throw e;
  }
  return [];
}

describe('page furniture in the markup', () => {
  it('carries the text of the template and the look of the theme into Doc.furniture, and no block', () => {
    const { furniture, blocks } = parse('<pagenumber/><header>征求意见稿</header><watermark> 征求意见稿 </watermark>');
    expect(furniture).toEqual({ pageNumber: LOOKS.pageNumber, header: { text: '征求意见稿', style: 'header' }, watermark: { text: '征求意见稿', ...LOOKS.watermark } });
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('is absent when the template emits none', () => {
    expect(parse('').furniture).toEqual({});
  });

  it('is an error where the theme gives it no look, twice, or inside a block', () => {
    expect(errors('<watermark>草稿</watermark>', { header: { style: 'header' } })).toEqual(['the theme gives <watermark> no look: add `furniture.watermark` to it']);
    expect(errors('<header>甲</header><header>乙</header>')).toEqual(['<header> appears twice']);
    expect(errors('<foot><pagenumber/></foot>')).toEqual(['<pagenumber> is page furniture: put it directly inside <doc>']);
  });
});
