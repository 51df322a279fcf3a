import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, makeProject, readTree, runJianbao } from './project.js';

const ARTICLES = { 'a.yaml': article('甲文', { layouts: ['report', 'memo'] }), 'b.yaml': article('乙文', { date: '2020-12-31' }) };

/** The zip's entry times (local DOS fields, as `unzip -l` shows them), from its central directory. */
function zipTimes(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const times: string[] = [];
  for (let i = 0; i < count; i++) {
    const time = zip.readUInt16LE(at + 12);
    const date = zip.readUInt16LE(at + 14);
    times.push(`${(date >> 9) + 1980}-${(date >> 5) & 15}-${date & 31} ${time >> 11}:${(time >> 5) & 63}`);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return times;
}

/** Every PDF date string (`(D:YYYYMMDDHHmmSS…)`): pdfkit keeps them in objects of their own. */
function pdfDates(file: string): string[] {
  return [...new Set([...fs.readFileSync(file).toString('latin1').matchAll(/\(D:(\d{14})[^)]*\)/g)].map((m) => m[1]!))];
}

describe('reproducible outputs', () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    // Two projects in different folders, built in different time zones with different worker counts.
    first = makeProject(ARTICLES);
    second = makeProject(ARTICLES);
    const runs = await Promise.all([
      runJianbao(['build', '--release', 'r1', '--jobs', '1'], { cwd: first, env: { TZ: 'America/Los_Angeles', SOURCE_DATE_EPOCH: undefined, CI: 'true' } }),
      runJianbao(['build', '--release', 'r1', '--jobs', '2', '--out', 'elsewhere'], { cwd: second, env: { TZ: 'Asia/Shanghai', SOURCE_DATE_EPOCH: undefined, CI: 'true' } }),
    ]);
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('gives identical SHA256SUMS, manifest, index and release files across folders, TZ and --jobs', () => {
    const a = readTree(path.join(first, 'out'));
    const b = readTree(path.join(second, 'elsewhere'));
    expect(a.get('SHA256SUMS')!.toString()).toBe(b.get('SHA256SUMS')!.toString());
    expect(a.get('SHA256SUMS')!.toString().trim().split('\n')).toHaveLength(6);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
  });

  it('writes checksums that sha256sum -c accepts', () => {
    const tool = spawnSync('sh', ['-c', 'command -v sha256sum'], { encoding: 'utf8' });
    if (tool.status !== 0) return; // coreutils is on every Linux CI; nothing to check without it
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: path.join(first, 'out') });
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: path.join(first, 'out/release') });
  });

  it('stamps the content date into PDF info and DOCX properties, and fixed zip times', () => {
    expect(pdfDates(path.join(first, 'out/articles/b/report.pdf'))).toEqual(['20201231000000']);
    const docx = unzipSync(new Uint8Array(fs.readFileSync(path.join(first, 'out/articles/b/report.docx'))));
    expect(strFromU8(docx['docProps/core.xml']!)).toContain('>2020-12-31T00:00:00Z</dcterms:created>');
    const archive = fs.readFileSync(path.join(first, 'out/release/r1.zip'));
    expect(new Set(zipTimes(archive))).toEqual(new Set(['1980-1-1 0:0']));
    expect(new Set(zipTimes(fs.readFileSync(path.join(first, 'out/articles/b/report.docx'))))).toEqual(new Set(['1980-1-1 0:0']));
  });

  it('takes every date from SOURCE_DATE_EPOCH when it is set, under any TZ', async () => {
    const epoch = '1600000000'; // 2020-09-13T12:26:40Z
    const [x, y] = await Promise.all([
      runJianbao(['build', '--release', 'r2', '--out', 'sde', '--format', 'pdf,docx', 'content/articles/b.yaml'], { cwd: first, env: { TZ: 'Pacific/Kiritimati', SOURCE_DATE_EPOCH: epoch, CI: 'true' } }),
      runJianbao(['build', '--release', 'r2', '--out', 'sde', '--format', 'pdf,docx', 'content/articles/b.yaml'], { cwd: second, env: { TZ: 'Pacific/Pago_Pago', SOURCE_DATE_EPOCH: epoch, CI: 'true' } }),
    ]);
    expect(x.code).toBe(0);
    expect(y.code).toBe(0);
    expect(pdfDates(path.join(first, 'sde/articles/b/report.pdf'))).toEqual(['20200913000000']);
    const docx = unzipSync(new Uint8Array(fs.readFileSync(path.join(first, 'sde/articles/b/report.docx'))));
    expect(strFromU8(docx['docProps/core.xml']!)).toContain('>2020-09-13T00:00:00Z</dcterms:created>');
    expect(new Set(zipTimes(fs.readFileSync(path.join(first, 'sde/release/r2.zip'))))).toEqual(new Set(['2020-9-13 12:26']));
    expect(fs.readFileSync(path.join(first, 'sde/release/SHA256SUMS'), 'utf8')).toBe(fs.readFileSync(path.join(second, 'sde/release/SHA256SUMS'), 'utf8'));
    const bad = await runJianbao(['build', '--out', 'sde2'], { cwd: first, env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error[source-date-epoch]');
  });
});
