import { child, elements, val, type XmlElement } from './xml.js';

/** Formats of Word's list levels: `bullet` for bulleted lists, anything else numbers. */
export class Numbering {
  private readonly formats = new Map<string, string>();

  constructor(numbering: XmlElement | undefined) {
    if (!numbering) return;
    const abstract = new Map<string, XmlElement>();
    for (const a of elements(numbering, 'w:abstractNum')) abstract.set(a.attrs['w:abstractNumId'] ?? '', a);
    for (const num of elements(numbering, 'w:num')) {
      const id = num.attrs['w:numId'] ?? '';
      const def = abstract.get(val(num, 'w:abstractNumId') ?? '');
      for (const lvl of def ? elements(def, 'w:lvl') : []) {
        this.formats.set(`${id}:${lvl.attrs['w:ilvl'] ?? '0'}`, val(lvl, 'w:numFmt') ?? 'decimal');
      }
      for (const o of elements(num, 'w:lvlOverride')) {
        const fmt = val(child(o, 'w:lvl'), 'w:numFmt');
        if (fmt) this.formats.set(`${id}:${o.attrs['w:ilvl'] ?? '0'}`, fmt);
      }
    }
  }

  /** True when the list level numbers its items (1. 2. 一、), false for bullets or none. */
  ordered(numId: string, level: number): boolean {
    const fmt = this.formats.get(`${numId}:${level}`);
    return fmt !== undefined && fmt !== 'bullet' && fmt !== 'none';
  }
}
