import type { LaidOutPage, PageItem } from './page-model.js';
import { imageObject } from './image-object.js';
import { pathObject } from './path-object.js';
import { textObject, type FontResource } from './text-object.js';
import { box } from './units.js';
import { el, xmlPart } from './xml.js';

export interface PageResources {
  fonts: ReadonlyMap<string, FontResource>;
  images: ReadonlyMap<string, number>;
}

/**
 * One page's Content.xml, in three layers drawn in the PDF's order: the text block (Body), then
 * the page numbers (Foreground), then the header line and the watermark, a draft's marks
 * (Foreground, a layer of their own), so a reader can hide, or a later step drop, the draft
 * marks as one, and what is content is the Body layer alone.
 */
export function pageContent(page: LaidOutPage, resources: PageResources, nextId: () => number, documentSize: { width: number; height: number }): string {
  const items = joinedRuns(page.items);
  const body = items.filter((i) => i.role === 'body');
  const numbers = items.filter((i) => i.role === 'footer');
  const marks = items.filter((i) => i.role === 'header' || i.role === 'watermark');
  const layer = (type: 'Body' | 'Foreground', items: readonly PageItem[]) => {
    if (items.length === 0) return undefined;
    const id = nextId();
    const objects = items.map((item) => object(item, page, resources, nextId)).filter((o): o is string => o !== undefined);
    return objects.length > 0 ? el('Layer', { ID: id, Type: type }, ...objects) : undefined;
  };
  const area = page.width !== documentSize.width || page.height !== documentSize.height ? el('Area', {}, el('PhysicalBox', {}, box({ x: 0, y: 0, width: page.width, height: page.height }))) : undefined;
  const layers = [layer('Body', body), layer('Foreground', numbers), layer('Foreground', marks)];
  return xmlPart(el('Page', {}, area, layers.some(Boolean) ? el('Content', {}, ...layers) : undefined));
}

function object(item: PageItem, page: LaidOutPage, resources: PageResources, nextId: () => number): string | undefined {
  switch (item.kind) {
    case 'text': {
      const font = resources.fonts.get(item.font);
      if (!font) throw new Error(`no font resource for ${item.font}`);
      return textObject(nextId(), item, font, page);
    }
    case 'path':
      return pathObject(nextId(), item);
    case 'image': {
      const id = resources.images.get(item.file);
      if (id === undefined) throw new Error(`no image resource for ${item.file}`);
      return imageObject(nextId(), item, id);
    }
  }
}

/**
 * Adjacent runs of one line in one font, size and colour, as one run: the composer cuts a line
 * into runs wherever its spacing changes, which OFD's per-character DeltaX says anyway. Glyph
 * positions are kept as they are.
 */
export function joinedRuns(items: readonly PageItem[]): PageItem[] {
  const out: PageItem[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (item.kind === 'text' && last?.kind === 'text' && sameLine(last, item)) {
      out[out.length - 1] = { ...last, text: last.text + item.text, glyphs: [...last.glyphs, ...item.glyphs] };
    } else out.push(item);
  }
  return out;
}

function sameLine(a: Extract<PageItem, { kind: 'text' }>, b: Extract<PageItem, { kind: 'text' }>): boolean {
  const y = (r: typeof a) => r.glyphs[0]?.y;
  return (
    a.font === b.font &&
    a.size === b.size &&
    a.role === b.role &&
    a.fill.alpha === b.fill.alpha &&
    a.fill.rgb.every((v, i) => v === b.fill.rgb[i]) &&
    a.ctm.every((v, i) => v === b.ctm[i]) &&
    y(a) !== undefined &&
    y(a) === y(b)
  );
}
