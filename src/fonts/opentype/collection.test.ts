import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import * as fontkitModule from 'fontkit';
import type { Font, FontCollection } from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_FONTS, changeFace, readTables, tinyFace, writeCollection } from '../../../test/fonts/make-font.js';
import { chooseByName, faceInFile } from './collection.js';
import { readFaceInfosOfFile } from './face-info.js';

const fontkit = fontkitModule as unknown as { create(buf: Uint8Array, postscriptName?: string): Font | FontCollection };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-ttc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a face of a collection chosen by name', () => {
  // Like Debian's NotoSerifCJK-Regular.ttc: the Japanese face first, the Chinese one after it.
  const ttcFile = path.join(dir, 'Test-Collection.ttc');
  fs.writeFileSync(
    ttcFile,
    writeCollection([
      changeFace(readTables(BASE_FONTS.serif), { families: [['Test Serif JP', 'en-US'], ['テスト明朝', 'ja-JP']], postscript: 'TestSerifJP-Regular' }),
      changeFace(readTables(BASE_FONTS.sansBold), { families: [['Test Sans SC', 'en-US'], ['测试黑体', 'zh-CN']], postscript: 'TestSansSC-Bold' }),
    ]),
  );

  it('is the face that answers to the name, not the first', () => {
    const face = faceInFile(ttcFile, ['测试黑体']);
    expect(face?.index).toBe(1);
    expect(face?.postscriptName).toBe('TestSansSC-Bold');
    expect(faceInFile(ttcFile, ['Test Serif JP'])?.index).toBe(0);
    expect(faceInFile(ttcFile, ['No Such Face'])).toBeUndefined();
  });

  it('is the face fontkit opens by its PostScript name: its glyphs are that face\'s', () => {
    const face = faceInFile(ttcFile, ['test sans sc'])!;
    const opened = fontkit.create(fs.readFileSync(ttcFile), face.postscriptName) as Font;
    const sans = fontkit.create(fs.readFileSync(BASE_FONTS.sansBold)) as Font;
    const serif = fontkit.create(fs.readFileSync(BASE_FONTS.serif)) as Font;
    const svg = (f: Font) => f.glyphForCodePoint('统'.codePointAt(0)!).path.toSVG();
    expect(svg(opened)).toBe(svg(sans));
    expect(svg(opened)).not.toBe(svg(serif));
  });
});

describe('choosing among faces by a list of names', () => {
  const faces = readFaceInfosOfFile(
    (() => {
      const f = path.join(dir, 'family.ttc');
      fs.writeFileSync(
        f,
        writeCollection([
          tinyFace({ families: [['Songti SC', 'en-US'], ['宋体-简', 'zh-CN']], postscript: 'STSongti-SC-Bold', weight: 700 }),
          tinyFace({ families: [['Songti SC', 'en-US'], ['宋体-简', 'zh-CN']], postscript: 'STSongti-SC-Light', weight: 300 }),
          tinyFace({ families: [['Songti SC', 'en-US'], ['宋体-简', 'zh-CN']], postscript: 'STSongti-SC-Regular', weight: 400, italic: true }),
          tinyFace({ families: [['Songti SC', 'en-US'], ['宋体-简', 'zh-CN']], postscript: 'STSongti-SC-Regular-Upright', weight: 400 }),
          tinyFace({ families: [['STSong', 'en-US'], ['华文宋体', 'zh-CN']], postscript: 'STSong' }),
        ]),
      );
      return f;
    })(),
  );

  it('takes the earliest name of the list that any face answers to', () => {
    expect(chooseByName(faces, ['宋体', '华文宋体', '宋体-简'])?.face.postscriptName).toBe('STSong');
    expect(chooseByName(faces, ['宋体', '宋体-简', '华文宋体'])?.name).toBe('宋体-简');
  });

  it('takes the family\'s upright face nearest the weight asked for', () => {
    expect(chooseByName(faces, ['Songti SC'])?.face.postscriptName).toBe('STSongti-SC-Regular-Upright');
    expect(chooseByName(faces, ['Songti SC'], 700)?.face.postscriptName).toBe('STSongti-SC-Bold');
    expect(chooseByName(faces, ['Songti SC'], 100)?.face.postscriptName).toBe('STSongti-SC-Light');
  });

  it('answers to full and PostScript names too', () => {
    expect(chooseByName(faces, ['STSong'])?.face.postscriptName).toBe('STSong');
    expect(chooseByName(faces, ['华文宋体 Regular'])?.face.postscriptName).toBe('STSong');
  });
});
