import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxParts, hasPartsCompiler } from './docx.js';

describe('docx, reached past its API (src/patches/docx.ts)', () => {
  it("has the compiler Packer calls, and it gives the parts of Packer's own package", async () => {
    expect(hasPartsCompiler()).toBe(true);
    const file = () => new Document({ title: '示例', sections: [{ children: [new Paragraph({ style: 'BodyText', children: [new TextRun('示例正文。')] })] }] });
    const parts = await docxParts(file());
    const zipped = unzipSync(new Uint8Array(await Packer.toBuffer(file())));
    expect([...parts.keys()].sort()).toEqual(Object.keys(zipped).sort());
    // Dates differ by the second they were made: compare the rest of each part.
    const text = (x: string | Uint8Array) => (typeof x === 'string' ? x : strFromU8(x)).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, 'DATE');
    for (const [name, data] of parts) expect(text(data), name).toBe(text(zipped[name]!));
    expect(text(parts.get('word/document.xml')!)).toContain('示例正文。');
  });
});
