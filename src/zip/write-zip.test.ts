import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeZip } from './write-zip.js';

const TIME = new Date(1980, 0, 1, 0, 0, 0);
const xml = new TextEncoder().encode(`<?xml version="1.0"?><w:document>${'<w:p><w:r><w:t>示例正文</w:t></w:r></w:p>'.repeat(200)}</w:document>`);

describe('writeZip', () => {
  it('writes entries another zip reader gets back byte for byte, in order', () => {
    const entries = [
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>'), deflate: true },
      { name: 'word/document.xml', data: xml, deflate: true },
      { name: 'word/media/image1.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), deflate: false },
      { name: 'empty.txt', data: new Uint8Array(0), deflate: true },
    ];
    const zip = writeZip(entries, TIME);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(entries.map((e) => e.name));
    for (const e of entries) expect(back[e.name]).toEqual(e.data);
  });

  it('deflates what shrinks and stores what does not', () => {
    let seed = 2463534242;
    const random = new Uint8Array(4096).map(() => {
      // xorshift32: bytes deflate cannot shrink
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 24;
    });
    const zip = writeZip(
      [
        { name: 'a.xml', data: xml, deflate: true },
        { name: 'b.bin', data: random, deflate: true },
      ],
      TIME,
    );
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    expect(view.getUint16(8, true)).toBe(8); // a.xml: deflated
    expect(view.getUint32(18, true)).toBeLessThan(xml.length / 4);
    const second = 30 + 'a.xml'.length + view.getUint32(18, true);
    expect(view.getUint16(second + 8, true)).toBe(0); // b.bin: stored, deflating would grow it
    expect(unzipSync(zip)['b.bin']).toEqual(random);
  });

  it('gives the same bytes for the same entries, whatever the time zone', () => {
    const entries = [{ name: 'word/document.xml', data: xml, deflate: true }];
    expect(writeZip(entries, TIME)).toEqual(writeZip(entries, new Date(1980, 0, 1, 0, 0, 0)));
    const zip = writeZip(entries, TIME);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    expect(view.getUint16(10, true)).toBe(0); // 00:00:00
    expect(view.getUint16(12, true)).toBe((0 << 9) | (1 << 5) | 1); // 1980-01-01
  });

  it('marks a non-ASCII name as UTF-8', () => {
    const zip = writeZip([{ name: '工作简报/第1期.pdf', data: new Uint8Array([1]), deflate: false }], TIME);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    expect(view.getUint16(6, true) & 0x0800).toBe(0x0800);
    expect(Object.keys(unzipSync(zip))).toEqual(['工作简报/第1期.pdf']);
  });
});
