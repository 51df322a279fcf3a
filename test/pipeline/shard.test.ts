import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseShard, inShard } from '../../src/outputs/shard.js';
import type { CliIO } from '../../src/cli/command.js';
import { manifestCommand } from '../../src/cli/commands/manifest.js';
import { cli } from '../support.js';
import { article, makeProject, readManifest, readTree } from './project.js';

/** `jianbao manifest …`, called directly (the command is registered in src/cli/registry.ts). */
async function manifestCli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, interactive: false };
  const code = await manifestCommand.run(argv, io);
  return { code, stdout, stderr };
}

describe('--shard K/N and manifest merge', () => {
  let dir: string;

  beforeAll(async () => {
    dir = makeProject({
      'a.yaml': article('甲文'),
      'b.yaml': article('乙文'),
      'c.yaml': article('丙文'),
      'd.yaml': article('丁文'),
    });
    for (const args of [['--out', 'whole'], ['--shard', '1/2', '--out', 'shard1'], ['--shard', '2/2', '--out', 'shard2']]) {
      const r = await cli(['build', '--jobs', '2', ...args], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('splits the outputs into disjoint slices that cover the plan', () => {
    const whole = readManifest(path.join(dir, 'whole')).outputs.map((o) => o.path);
    const one = readManifest(path.join(dir, 'shard1')).outputs.map((o) => o.path);
    const two = readManifest(path.join(dir, 'shard2')).outputs.map((o) => o.path);
    expect(whole).toHaveLength(8);
    expect(one.length).toBeGreaterThan(0);
    expect(two.length).toBeGreaterThan(0);
    expect(one.filter((p) => two.includes(p))).toEqual([]);
    expect([...one, ...two].sort()).toEqual(whole);
  });

  it('merged shards equal one unsharded build, file for file and byte for byte', async () => {
    const r = await manifestCli(['merge', 'shard1/manifest.json', 'shard2/manifest.json', '-o', 'merged/manifest.json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('merged 2 manifests: 8 outputs (8 copied)');
    const whole = readTree(path.join(dir, 'whole'));
    const merged = readTree(path.join(dir, 'merged'));
    expect([...merged.keys()]).toEqual([...whole.keys()]);
    for (const [file, bytes] of whole) expect(merged.get(file)!.equals(bytes), file).toBe(true);
    expect(merged.has('SHA256SUMS') && merged.has('index.html') && merged.has('manifest.json')).toBe(true);
  });

  it('refuses shards built from different inputs, and leaves the out folder alone', async () => {
    const other = path.join(dir, 'conflict');
    fs.mkdirSync(other);
    const m = readManifest(path.join(dir, 'shard1'));
    m.outputs[0]!.sha256 = '0'.repeat(64);
    fs.writeFileSync(path.join(other, 'manifest.json'), JSON.stringify(m));
    const r = await manifestCli(['merge', 'shard1/manifest.json', 'conflict/manifest.json', '-o', 'bad'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error[manifest-conflict]: ${m.outputs[0]!.path} differs between`);
    expect(fs.existsSync(path.join(dir, 'bad'))).toBe(false);
  });

  it('refuses a manifest whose files are missing', async () => {
    const lonely = path.join(dir, 'lonely');
    fs.mkdirSync(lonely);
    fs.copyFileSync(path.join(dir, 'shard2/manifest.json'), path.join(lonely, 'manifest.json'));
    const r = await manifestCli(['merge', 'lonely/manifest.json', '-o', 'bad2/manifest.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no file with the manifest's sha256");
  });

  it('reports bad usage with exit 2', async () => {
    expect((await manifestCli(['merge', 'shard1/manifest.json'], dir)).code).toBe(2);
    expect((await manifestCli(['split'], dir)).code).toBe(2);
    expect((await cli(['build', '--shard', '3/2'], dir)).code).toBe(2);
    expect((await cli(['build', '--shard', 'half'], dir)).code).toBe(2);
    const partial = await cli(['build', '--shard', '1/2', '--release', 'v1'], dir);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('manifest merge');
  });

  it('puts each path in exactly one shard for any N', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(parseShard('0/5')).toBeUndefined();
    const paths = Array.from({ length: 200 }, (_, i) => `articles/a${i}/report.pdf`);
    for (const n of [1, 2, 3, 7]) {
      const counts = paths.map((p) => Array.from({ length: n }, (_, k) => inShard(p, { index: k + 1, count: n })).filter(Boolean).length);
      expect(counts.every((c) => c === 1)).toBe(true);
    }
  });
});
