import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { expectRefused, hostileProject, removeProjects, runIn } from './hostile.js';

/**
 * `jianbao import` on hostile files: a pipe or a device, Word files that are encrypted, nest
 * without end or inflate to gigabytes: each refused at once with its rule and place, exit 1, no
 * YAML and no picture written. Text with a byte no encoding reads imports with every lost
 * character listed, and the build refuses the YAML until the character is put back.
 */
afterAll(removeProjects);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const docx = (parts: Record<string, string | Uint8Array>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]))));
const importing = (file: string) => ['import', file, '-o', 'content/articles/out.yaml'];

/** A raw deflate stream of `mb` megabytes of `byte`, made block by block without holding them. */
function deflatedRun(mb: number, byte = 0x20): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(2 ** 20, byte), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mb }, () => block), zlib.deflateRawSync(Buffer.alloc(0))]);
}

/** A one-entry zip whose entry is `data` deflated, claiming `claimed` bytes inflated (a lie when small). */
function zipOf(name: string, deflated: Buffer, claimed: number): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(claimed, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(claimed, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + deflated.length, 16);
  return Buffer.concat([local, n, deflated, central, n, end]);
}

describe('import inputs that are not files', () => {
  it('a FIFO', () => expectRefused(hostileProject({ fifos: ['page.txt'] }), importing('page.txt'), [{ rule: 'io', file: 'page.txt', line: 1, column: 1, message: 'is a FIFO (named pipe), not a file' }]), 20_000);
  it('/dev/zero', () => expectRefused(hostileProject({}), importing('/dev/zero'), [{ rule: 'io', file: '/dev/zero', line: 1, column: 1, message: 'is a device, not a file' }]), 20_000);
  it('a folder', () => expectRefused(hostileProject({ files: { 'page.txt/x': 'x' } }), importing('page.txt'), [{ rule: 'io', file: 'page.txt', line: 1, column: 1, message: 'is a folder' }]), 20_000);
});

describe('text with a byte no encoding reads: every lost character listed where it is, and refused by the build', () => {
  const lines = ['示例标题', '2021年3月4日', '第一段文字，测试内容。', '第二段文字。'];

  /**
   * Imports `page` to content/articles/out.yaml: exit 0, one encoding warning per lost character
   * at its line and column in the page, U+FFFD where it was in the YAML; then the build refuses
   * that YAML at the U+FFFD's own place, writing nothing.
   */
  async function importsWithLoss(page: Buffer, expected: { line: number; column: number; message: string }[]) {
    const dir = hostileProject({ files: { 'page.txt': page } });
    const { code, stdout, stderr } = await runIn(dir, importing('page.txt'));
    expect(code, stderr).toBe(0);
    // With -o the report goes to standard output, the YAML to the file.
    const warnings = stdout.split('\n').filter((l) => /warning\[encoding\]/.test(l));
    expect(warnings, stdout).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(warnings[i]).toMatch(new RegExp(`^page\\.txt:${e.line}:${e.column}: warning\\[encoding\\]: .*${e.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
    const yaml = fs.readFileSync(path.join(dir, 'content/articles/out.yaml'), 'utf8');
    expect(yaml).toContain('\uFFFD');
    // One error per text that holds a loss (each paragraph here is one line of the YAML).
    const losses = yaml.split('\n').flatMap((l, i) => (l.includes('\uFFFD') ? [{ line: i + 1, column: l.indexOf('\uFFFD') + 1 }] : []));
    await expectRefused(
      dir,
      ['build', '--jobs', '1', '--no-preview', 'content/articles/out.yaml'],
      losses.map((at) => ({ rule: 'bad-char', file: 'content/articles/out.yaml', ...at, message: 'replacement character U+FFFD' })),
    );
  }

  it('a stray 0xFF in GB18030 text', () => {
    const good = encodeGb(lines.join('\n') + '\n');
    const at = good.indexOf(encodeGb('二段'));
    return importsWithLoss(Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]), [{ line: 4, column: 2, message: 'byte 0xFF' }]);
  }, 30_000);

  it('a lead byte without its trail byte, and a second loss further on', () => {
    const good = encodeGb(lines.join('\n') + '\n');
    const at = good.indexOf(encodeGb('文字，测试'));
    const at2 = good.indexOf(encodeGb('段文字。'));
    const page = Buffer.concat([good.subarray(0, at), Buffer.from([0x81, 0x20]), good.subarray(at, at2), Buffer.from([0xff]), good.subarray(at2)]);
    return importsWithLoss(page, [
      { line: 3, column: 4, message: 'byte 0x81' },
      { line: 4, column: 3, message: 'another unreadable byte' },
    ]);
  }, 30_000);

  it('UTF-16 text cut in the middle of a character', () => {
    const page = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\n'), 'utf16le'), Buffer.from([0x41])]);
    return importsWithLoss(page, [{ line: 4, column: 7, message: 'is not utf-16le' }]);
  }, 30_000);

  it('a damaged byte in UTF-8 text', () => {
    const good = Buffer.from(lines.join('\n') + '\n', 'utf8');
    const at = good.indexOf(Buffer.from('测试'));
    return importsWithLoss(Buffer.concat([good.subarray(0, at), Buffer.from([0xe6, 0x20]), good.subarray(at)]), [{ line: 3, column: 7, message: 'byte 0xE6' }]);
  }, 30_000);
});

describe('Word files that would crash, hang or fill memory', () => {
  it('an encrypted .docx (an OLE compound file) is called encrypted', () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(50), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(2000)]);
    return expectRefused(hostileProject({ files: { 'draft.docx': ole } }), importing('draft.docx'), [{ rule: 'encrypted', file: 'draft.docx', line: 1, column: 1, message: 'password-protected (encrypted) Word document', hint: 'open it in Word or WPS, remove the password' }]);
  }, 20_000);

  it('a zip entry with the encryption flag is called encrypted', () => {
    const zip = docx({ 'word/document.xml': documentXml(para('正文')) });
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
    return expectRefused(hostileProject({ files: { 'draft.docx': zip } }), importing('draft.docx'), [{ rule: 'encrypted', file: 'draft.docx', line: 1, column: 1, message: 'is encrypted' }]);
  }, 20_000);

  it('16,000 nested content controls (w:sdt)', () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(16_000) + para('正文') + '</w:sdtContent></w:sdt>'.repeat(16_000);
    return expectRefused(hostileProject({ files: { 'draft.docx': docx({ 'word/document.xml': documentXml(deep) }) } }), importing('draft.docx'), [
      { rule: 'xml-depth', file: 'draft.docx', line: 1, column: 1, message: `nests elements more than ${LIMITS.xmlDepth.value} deep` },
    ]);
  }, 20_000);

  it('a few hundred kilobytes that inflate to 250 MB, the sizes in the archive lying', () => {
    const bomb = zipOf('word/document.xml', deflatedRun(250), 1000);
    return expectRefused(hostileProject({ files: { 'draft.docx': bomb } }), importing('draft.docx'), [
      { rule: 'xml-size', file: 'draft.docx', line: 1, column: 1, message: 'word/document.xml inflates to more than 16,777,216 bytes' },
    ]);
  }, 30_000);

  it('pictures that inflate past the total bound, each under the part bound', () => {
    const picture = deflatedRun(60, 0);
    const rels = ['rId1', 'rId2', 'rId3', 'rId4', 'rId5'].map((id, i) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image${i + 1}.png"/>`).join('');
    const drawing = (id: string) => `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="${id}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
    const parts: Record<string, Uint8Array> = {
      'word/document.xml': strToU8(documentXml(para('正文') + ['rId1', 'rId2', 'rId3', 'rId4', 'rId5'].map(drawing).join(''))),
      'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    };
    // The pictures' entries are written raw: zipOf's single-entry layout, appended as stored deflate data.
    const zip = multiZip(parts, Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`word/media/image${i}.png`, picture])));
    return expectRefused(hostileProject({ files: { 'draft.docx': zip } }), importing('draft.docx'), [
      { rule: 'zip-size', file: 'draft.docx', line: 1, column: 1, message: 'inflate to more than 268,435,456 bytes in all' },
    ]);
  }, 60_000);
});

/** GB18030 bytes of text (TextEncoder writes only UTF-8; Node's ICU decodes GB18030 but does not encode it). */
function encodeGb(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (table.get(c) ?? (() => { throw new Error(`no GB18030 code for ${c}`); })()))));
}

/** A zip of small parts (deflated by fflate) and of entries already deflated (`raw`). */
function multiZip(parts: Record<string, Uint8Array>, raw: Record<string, Buffer>): Buffer {
  const entries = [
    ...Object.entries(parts).map(([name, data]) => ({ name, deflated: Buffer.from(zlib.deflateRawSync(data)), size: data.length })),
    ...Object.entries(raw).map(([name, deflated]) => ({ name, deflated, size: 60 * 2 ** 20 })),
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const one = zipOf(e.name, e.deflated, e.size);
    const local = one.subarray(0, 30 + Buffer.byteLength(e.name) + e.deflated.length);
    const central = Buffer.from(one.subarray(local.length, local.length + 46 + Buffer.byteLength(e.name)));
    central.writeUInt32LE(offset, 42);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
