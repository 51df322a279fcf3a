// Discovery on this machine's real fonts, through fontconfig: Debian's Noto CJK collections put
// the Japanese face first, and a role asking for the Chinese one must get the Chinese one.
import fs from 'node:fs';
import * as fontkitModule from 'fontkit';
import type { Font, FontCollection } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { discoverFaces, findInstalled } from '../../src/fonts/discovery/index.js';
import { requireClient } from './clients.js';

const fontkit = fontkitModule as unknown as { create(buf: Uint8Array, postscriptName?: string): Font | FontCollection };
const SERIF_CJK = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

describe('installed faces found through fontconfig', () => {
  it('finds the SC face of Debian\'s Noto Serif CJK collection by name, not its first (JP) face', () => {
    requireClient('fc-list', 'fontconfig');
    if (!fs.existsSync(SERIF_CJK)) throw new Error(`${SERIF_CJK} is missing; install the Debian package fonts-noto-cjk`);
    const d = discoverFaces({ cacheFile: null });
    expect(d.sources).toContain('fc-list');
    const m = findInstalled(d, ['Noto Serif CJK SC'])!;
    expect(m.face.file).toBe(SERIF_CJK);
    expect(m.face.index).not.toBe(0);
    expect(m.face.postscriptName).toBe('NotoSerifCJKsc-Regular');
    // The face fontkit opens by that name draws 骨 as Chinese does, not as the first (Japanese) face.
    const bytes = fs.readFileSync(SERIF_CJK);
    const sc = fontkit.create(bytes, m.face.postscriptName) as Font;
    const first = (fontkit.create(bytes) as FontCollection).fonts[0]!;
    expect(first.postscriptName).toBe('NotoSerifCJKjp-Regular');
    const svg = (f: Font) => f.glyphForCodePoint('骨'.codePointAt(0)!).path.toSVG();
    expect(svg(sc)).not.toBe(svg(first));
  });
});
