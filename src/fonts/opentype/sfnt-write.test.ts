import { describe, expect, it } from 'vitest';
import { tablesOf, TRUETYPE, writeSfnt } from './sfnt-write.js';

describe('writeSfnt', () => {
  const head = new Uint8Array(54);
  new DataView(head.buffer).setUint32(12, 0x5f0f3cf5); // head's magic number
  const tables = new Map([
    ['head', head],
    ['name', new Uint8Array([1, 2, 3])],
    ['OS/2', new Uint8Array(96).fill(7)],
  ]);
  const bytes = writeSfnt(TRUETYPE, tables);

  it('lays the tables out in tag order, 4-byte aligned, and reads them back', () => {
    const back = tablesOf(bytes);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(0)).toBe(TRUETYPE);
    expect([...back.keys()]).toEqual(['OS/2', 'head', 'name']);
    expect([...back.get('name')!]).toEqual([1, 2, 3]);
    expect(bytes.length % 4).toBe(0);
  });

  it('sets head.checkSumAdjustment so that the whole file sums to 0xB1B0AFBA', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let sum = 0;
    for (let i = 0; i < bytes.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });

  it('gives bytes the hardened reader takes, and refuses a cut one', () => {
    expect(() => tablesOf(bytes.subarray(0, 40))).toThrow(/outside the file/);
  });
});
