import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPlainText } from '../../src/verify/pdf-text.js';
import { cli } from '../support.js';
import { article, articleProject } from './project.js';

/** A character Noto Sans SC has and Noto Serif SC (the body face) does not. */
const SANS_ONLY = '\u{25AD7}';

describe('a fallback font of a role', () => {
  it('sets the characters the role face lacks, so the PDF keeps them (checked with --verify)', async () => {
    const { dir } = articleProject(article(`  - 示例：甲${SANS_ONLY}乙。\n`, '示例标题'), { templates: true });
    const theme = path.join(dir, 'templates/report.theme.yaml');
    const text = fs.readFileSync(theme, 'utf8');
    const withFallback = text.replace(
      /(\n  body:\n    names: \[[^\n]*\]\n    files: \[[^\n]*\]\n)/,
      `$1    fallback: ['npm:@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf']\n`,
    );
    expect(withFallback).not.toBe(text);
    fs.writeFileSync(theme, withFallback);

    const out = path.join(dir, 'out');
    const { code, stderr } = await cli(['build', '--verify', '--format', 'pdf', '--out', out, '--jobs', '1', '--no-preview', '--quiet'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const pdf = new Uint8Array(fs.readFileSync(path.join(out, 'articles/a/report.pdf')));
    expect(await pdfPlainText(pdf)).toContain(`示例：甲${SANS_ONLY}乙。`);
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
  });
});
