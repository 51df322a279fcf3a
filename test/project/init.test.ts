import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPlainText } from '../../src/verify/pdf-text.js';
import { ROOT, tempDir } from '../support.js';
import { jianbao } from './run.js';

describe('jianbao init', () => {
  it('makes a project that builds at once: a sample article and issue, the issue taking its series defaults', async () => {
    const home = tempDir('jianbao-init-');
    const r = jianbao(['init', 'reports'], home);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('made a jianbao project in reports:');
    const dir = path.join(home, 'reports');
    for (const f of ['jianbao.yaml', '.gitignore', 'content/articles/sample-article.yaml', 'content/bulletins/sample-issue.yaml', '.github/workflows/build.yml', '.github/workflows/release.yml']) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    // Every text is sample content.
    for (const f of ['content/articles/sample-article.yaml', 'content/bulletins/sample-issue.yaml']) expect(fs.readFileSync(path.join(dir, f), 'utf8')).toContain('示例');

    const built = jianbao(['build', '--jobs', '1', '--no-preview'], dir);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const outputs = (JSON.parse(fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')) as { outputs: { path: string }[] }).outputs.map((o) => o.path).sort();
    expect(outputs).toEqual(['articles/sample-article/report.docx', 'articles/sample-article/report.pdf', 'bulletins/sample-issue/bulletin.docx', 'bulletins/sample-issue/bulletin.pdf']);
    // The issue names no publisher or copies: jianbao.yaml's series gives them.
    const issue = await pdfPlainText(new Uint8Array(fs.readFileSync(path.join(dir, 'out/bulletins/sample-issue/bulletin.pdf'))));
    expect(issue.replace(/\s/g, '')).toContain('示例编印单位');
    expect(issue.replace(/\s/g, '')).toContain('共印30份');
  });

  it('refuses a folder that is a project already, and keeps files already there', () => {
    const dir = tempDir('jianbao-init-');
    fs.writeFileSync(path.join(dir, '.gitignore'), 'mine\n');
    const first = jianbao(['init'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('kept  .gitignore (already there)');
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('mine\n');
    const again = jianbao(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('this folder is a jianbao project already (it has jianbao.yaml)');
  });

  it('writes workflows that validate against the GitHub Actions schema', () => {
    const dir = tempDir('jianbao-init-');
    expect(jianbao(['init'], dir).code).toBe(0);
    const validator = path.join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');
    for (const f of ['build.yml', 'release.yml']) {
      const r = spawnSync(process.execPath, [validator, path.join(dir, '.github/workflows', f)], { encoding: 'utf8' });
      expect(r.stdout + r.stderr, f).toBe('');
      expect(r.status, f).toBe(0);
      const text = fs.readFileSync(path.join(dir, '.github/workflows', f), 'utf8');
      expect(text, f).toContain('concurrency:');
      expect(text, f).toContain('npx --no-install jianbao');
    }
  });
});
