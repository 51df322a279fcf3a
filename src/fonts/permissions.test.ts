import { describe, expect, it } from 'vitest';
import { tinyFace, writeSfnt } from '../../test/fonts/make-font.js';
import { formatDiagnostic } from '../diagnostics/index.js';
import { readFaceInfos } from './opentype/face-info.js';
import { describeEmbedding, embeddingDiagnostics, embeddingOf, mayEmbed } from './permissions.js';
import { bufferSource } from './opentype/sfnt.js';

/** The embedding permission of a face made with this fsType, read back from its OS/2 table. */
function embeddingOfFsType(fsType: number) {
  const [face] = readFaceInfos(bufferSource(writeSfnt(tinyFace({ families: [['方正测试宋', 'zh-CN']], postscript: 'FZTest', fsType }))));
  return embeddingOf(face!);
}
const role = { role: 'title', family: '方正测试宋', file: 'fonts/FZTEST.TTF' };

describe('embedding permission from OS/2 fsType', () => {
  it('reads the usage bits, the least restrictive winning', () => {
    expect(embeddingOfFsType(0x0000).usage).toBe('installable');
    expect(embeddingOfFsType(0x0002).usage).toBe('restricted');
    expect(embeddingOfFsType(0x0004).usage).toBe('preview-print');
    expect(embeddingOfFsType(0x0008).usage).toBe('editable');
    expect(embeddingOfFsType(0x0006).usage).toBe('preview-print');
    expect(mayEmbed(embeddingOfFsType(0x0004))).toBe(true);
    expect(mayEmbed(embeddingOfFsType(0x0002))).toBe(false);
    expect(mayEmbed(embeddingOfFsType(0x0200))).toBe(false);
  });

  it('refuses a restricted face with an error naming the face and the role, and the licence reminder', () => {
    const [d, ...rest] = embeddingDiagnostics(role, embeddingOfFsType(0x0002));
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('error');
    const text = formatDiagnostic(d!);
    expect(text).toContain('font role `title`');
    expect(text).toContain("'方正测试宋' (fonts/FZTEST.TTF)");
    expect(text).toContain('forbids embedding');
    expect(text).toMatch(/方正's, for one\) is yours to hold/);
  });

  it('warns that a no-subsetting face is embedded whole; reminds of the licence', () => {
    const ds = embeddingDiagnostics(role, embeddingOfFsType(0x0104));
    expect(ds.map((d) => d.severity)).toEqual(['warning']);
    expect(formatDiagnostic(ds[0]!)).toMatch(/may not be subset, so every PDF embeds it whole[\s\S]*yours to hold/);
  });

  it('refuses a bitmap-only face, and one with no outlines', () => {
    expect(embeddingDiagnostics(role, embeddingOfFsType(0x0200)).map((d) => [d.severity, d.message])).toEqual([
      ['error', expect.stringContaining('allows only bitmaps')],
    ]);
    expect(embeddingOf({ fsType: 0, outlines: 'none' }).bitmapOnly).toBe(true);
  });

  it('has nothing to say of an installable face', () => {
    expect(embeddingDiagnostics(role, embeddingOfFsType(0))).toEqual([]);
  });

  it('describes each permission in a line for `jianbao fonts`', () => {
    expect(describeEmbedding(embeddingOfFsType(0))).toBe('installable (fsType 0x0000)');
    expect(describeEmbedding(embeddingOfFsType(0x0104))).toBe('print & preview, embedded whole (no subsetting) (fsType 0x0104)');
    expect(describeEmbedding(embeddingOf({ outlines: 'truetype' }))).toBe('installable (no OS/2 table)');
  });
});
