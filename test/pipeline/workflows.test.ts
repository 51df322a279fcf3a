import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support.js';

const validator = path.join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');
const workflow = (name: string) => path.join(ROOT, '.github/workflows', name);

/** @action-validator/cli checks a workflow against the GitHub Actions schema (bundled; no network). */
function validate(file: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('GitHub Actions workflows', () => {
  it.each(['ci.yml', 'release.yml', 'archival.yml'])('%s is valid against the workflow schema', (name) => {
    const r = validate(workflow(name));
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('the validator does reject a broken workflow', () => {
    const bad = path.join(fs.mkdtempSync(path.join(ROOT, 'node_modules/.tmp-')), 'bad.yml');
    fs.writeFileSync(bad, 'on: pushh\njobs:\n  x:\n    runs-onn: ubuntu-latest\n');
    try {
      expect(validate(bad).status).not.toBe(0);
    } finally {
      fs.rmSync(path.dirname(bad), { recursive: true, force: true });
    }
  });

  it('ci.yml installs, typechecks and tests on push', () => {
    const ci = parse(fs.readFileSync(workflow('ci.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: { run?: string }[] }> };
    expect(Object.keys(ci.on)).toContain('push');
    const runs = Object.values(ci.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
    for (const cmd of ['npm ci', 'npm run typecheck', 'npm test']) expect(runs).toContain(cmd);
  });

  it('release.yml builds shards on a tag, merges them and attaches the release files', () => {
    const text = fs.readFileSync(workflow('release.yml'), 'utf8');
    const release = parse(text) as { on: { push: { tags: string[] } }; jobs: { build: { strategy: { matrix: { shard: number[] } } }; release: { needs: string; steps: { run?: string }[] } } };
    expect(release.on.push.tags).toEqual(['v*']);
    const shards = release.jobs.build.strategy.matrix.shard;
    expect(shards).toEqual(shards.map((_, i) => i + 1));
    expect(text).toContain(`--shard \${{ matrix.shard }}/\${{ env.SHARDS }}`);
    expect(text).toContain(`SHARDS: ${shards.length}`);
    expect(release.jobs.release.needs).toBe('build');
    const runs = release.jobs.release.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('jianbao manifest merge shards/*/manifest.json -o out/manifest.json --release');
    expect(runs).toContain('sha256sum -c');
    expect(runs).toContain('gh release upload "$TAG" out/release/*');
  });

  type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
  type Job = { needs?: string | string[]; strategy?: { matrix: Record<string, unknown> }; steps: Step[] };
  type Workflow = { concurrency?: { group: string; 'cancel-in-progress': boolean }; jobs: Record<string, Job> };
  const read = (name: string) => parse(fs.readFileSync(workflow(name), 'utf8')) as Workflow;

  it.each(['ci.yml', 'release.yml'])('%s has a concurrency group, and uploads that survive a re-run', (name) => {
    const w = read(name);
    expect(w.concurrency?.group).toMatch(/\$\{\{ .*(github\.ref|ref_name|tag).* \}\}/);
    const uploads = Object.values(w.jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact')));
    expect(uploads.length).toBeGreaterThan(0);
    for (const u of uploads) expect(u.with?.['overwrite'], String(u.with?.['name'])).toBe(true);
  });

  it('ci.yml tests on Node 20, 22 and 24', () => {
    const test = read('ci.yml').jobs['test']!;
    expect(test.strategy?.matrix['node']).toEqual([20, 22, 24]);
    expect(test.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe('${{ matrix.node }}');
  });

  it('ci.yml runs every client test in one shard, each shard installing only what its tests use', () => {
    const clients = read('ci.yml').jobs['clients']!;
    const shards = clients.strategy!.matrix['include'] as { shard: string; apt: string; tests: string }[];
    const listed = shards.flatMap((s) => s.tests.split(/\s+/).filter(Boolean));
    const files = fs.readdirSync(path.join(ROOT, 'test/clients')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/clients/${f}`).sort();
    expect([...listed].sort()).toEqual(files);
    // Each Debian package a shard installs is one its tests call for (requireClient names it).
    for (const s of shards) {
      const sources = s.tests.split(/\s+/).filter(Boolean).map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8')).join('\n');
      const needs = new Set([...sources.matchAll(/requireClient\('[^']+', '([^']+)'\)|\b(libreOfficeToPdf|launchChromium)\(/g)].map((m) => m[1] ?? (m[2] === 'libreOfficeToPdf' ? 'libreoffice-writer-nogui' : 'chromium')));
      for (const pkg of s.apt.split(/\s+/).filter(Boolean)) {
        if (pkg === 'fonts-noto-cjk') continue; // lets Chromium draw the pages' Chinese in screenshots
        expect(needs, `${s.shard} installs ${pkg}`).toContain(pkg);
      }
    }
  });

  it('release.yml builds only after the tests pass', () => {
    const release = read('release.yml');
    expect(release.jobs['build']!.needs).toBe('test');
    expect(release.jobs['test']!.steps.map((s) => s.run)).toEqual(expect.arrayContaining(['npm ci', 'npm test']));
  });

  it('archival.yml builds PDF/A-2b and OFD, runs veraPDF on every PDF, renders every OFD with ofdrw and compares the pages', () => {
    const text = fs.readFileSync(workflow('archival.yml'), 'utf8');
    const archival = parse(text) as { on: Record<string, unknown>; jobs: { archival: { steps: { run?: string; uses?: string }[] } } };
    expect(Object.keys(archival.on)).toContain('push');
    const runs = archival.jobs.archival.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm run build -- --format pdf,ofd --pdfa');
    expect(runs).toContain("find out -name '*.pdf'");
    expect(runs).toContain('verapdf --flavour 2b');
    expect(runs).toContain('mvn -q -f .github/ofdrw-render/pom.xml');
    expect(runs).toContain('npx tsx test/ofd/compare-rendered.ts render');
    // The pieces it runs are in the repository.
    expect(fs.readFileSync(path.join(ROOT, '.github/ofdrw-render/pom.xml'), 'utf8')).toContain('<artifactId>ofdrw-converter</artifactId>');
    expect(fs.readFileSync(path.join(ROOT, '.github/ofdrw-render/src/main/java/RenderOfd.java'), 'utf8')).toContain('new ImageExporter(');
    expect(fs.existsSync(path.join(ROOT, 'test/ofd/compare-rendered.ts'))).toBe(true);
  });
});
