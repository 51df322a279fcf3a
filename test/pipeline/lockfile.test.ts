import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support.js';

/**
 * The committed lockfile is in step with package.json, and nothing it installs refuses the Node
 * the project supports (20): npm, offline from its cache, resolving the tree with engine-strict,
 * changes nothing and warns of nothing. (The README's first command, `npm install`, then leaves
 * package-lock.json as it is, with no EBADENGINE warning.)
 */
describe('package-lock.json', () => {
  it('is in step with package.json and has no package that refuses this Node', () => {
    const dir = tempDir('jianbao-lock-');
    for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
    const r = spawnSync('npm', ['install', '--package-lock-only', '--offline', '--ignore-scripts', '--engine-strict', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    expect(r.stderr).not.toMatch(/EBADENGINE|notsup/);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  });
});
