import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeBytes } from './decode.js';

// 中文，测试 in GB18030 (the same bytes as GBK for these characters).
const GB = Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4, 0xa3, 0xac, 0xb2, 0xe2, 0xca, 0xd4]);

describe('decodeBytes', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeBytes(Buffer.from('中文，测试', 'utf8'))).toEqual({ text: '中文，测试', encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('中文', 'utf8')]))).toEqual({
      text: '中文',
      encoding: 'utf-8 (BOM)',
    });
  });
  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    expect(decodeBytes(GB)).toEqual({ text: '中文，测试', encoding: 'gb18030', fallback: 'gb18030' });
  });
  it('reads UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('中文', 'utf16le')]);
    expect(decodeBytes(le).text).toBe('中文');
  });
  it('turns CRLF and CR into LF, so lines count the same', () => {
    expect(decodeBytes(Buffer.from('一\r\n二\r三\n', 'utf8')).text).toBe('一\n二\n三\n');
  });
  it('takes a page’s declared charset when the bytes are not UTF-8', () => {
    const big5 = Uint8Array.from([0xa4, 0xa4, 0xa4, 0xe5]); // 中文 in Big5
    expect(decodeBytes(big5, 'big5')).toMatchObject({ text: '中文', encoding: 'big5' });
    expect(declaredCharset(Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312">'))).toBe('gb2312');
    expect(declaredCharset(Buffer.from('<meta charset="utf-8">'))).toBe('utf-8');
  });
  it('keeps a GBK page with a damaged byte a GBK page, and says how much was lost', () => {
    const damaged = Uint8Array.from([...GB, 0x81, 0x20, ...GB]);
    const r = decodeBytes(damaged, 'gbk');
    expect(r.text).toBe('中文，测试\ufffd 中文，测试');
    expect(r.fallback).toBe('gbk (lossy: 1 unreadable)');
  });
  it('finds a charset declared after a long head, and none in the body', () => {
    const script = `<script>${'var a = 1;\n'.repeat(400)}</script>`;
    expect(declaredCharset(Buffer.from(`<html><head>${script}<meta charset="gbk"></head>`))).toBe('gbk');
    expect(declaredCharset(Buffer.from('<html><body><p>示例</p><meta charset="big5">'))).toBeUndefined();
  });
});
