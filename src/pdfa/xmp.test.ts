import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { xmpPacket } from './xmp.js';

/** The text of each element of an XML document by local name, or an error if it is not well-formed. */
function elements(xml: string): Map<string, string> {
  const body = xml.replace(/<\?xpacket[^?]*\?>/g, '');
  const parser = new SaxesParser({ xmlns: true });
  const out = new Map<string, string>();
  const stack: string[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => void stack.push(t.local));
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top && t.trim()) out.set(top === 'li' ? stack[stack.length - 3]! : top, (out.get(top) ?? '') + t);
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(body).close();
  return out;
}

describe('xmpPacket', () => {
  const date = new Date('2021-03-04T00:00:00Z');
  const xmp = xmpPacket({ Title: '统战 & <工作> "简报"', Author: 'A & B', Subject: '他山之石', Keywords: 'a<b', Creator: 'jianbao', Producer: 'jianbao (pdfmake)', CreationDate: date, ModDate: date }, { part: 2, conformance: 'B' });

  it('is well-formed XML with every value escaped and read back as written', () => {
    const e = elements(xmp);
    expect(e.get('title')).toBe('统战 & <工作> "简报"');
    expect(e.get('creator')).toBe('A & B');
    expect(e.get('description')).toBe('他山之石');
    expect(e.get('Keywords')).toBe('a<b');
  });

  it('writes ModifyDate beside CreateDate, both the Info dates’ instants', () => {
    const e = elements(xmp);
    expect(e.get('CreateDate')).toBe('2021-03-04T00:00:00Z');
    expect(e.get('ModifyDate')).toBe('2021-03-04T00:00:00Z');
  });

  it('identifies PDF/A-2b, and leaves out what the Info dictionary lacks', () => {
    const e = elements(xmp);
    expect(e.get('part')).toBe('2');
    expect(e.get('conformance')).toBe('B');
    const bare = elements(xmpPacket({ Producer: 'p' }));
    expect(bare.has('title')).toBe(false);
    expect(bare.has('part')).toBe(false);
    expect(bare.has('ModifyDate')).toBe(false);
  });
});
