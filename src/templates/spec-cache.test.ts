import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../diagnostics/index.js';
import { compileTemplate } from './render-template.js';

describe('precompiled templates kept on disk', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-spec-'));
  const cache = path.join(root, 'cache');
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.JIANBAO_CACHE_DIR;
    process.env.JIANBAO_CACHE_DIR = cache;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.JIANBAO_CACHE_DIR;
    else process.env.JIANBAO_CACHE_DIR = saved;
    fs.rmSync(root, { recursive: true, force: true });
  });
  const templates = (name: string, body: string) => {
    const dir = path.join(root, name, 'templates');
    fs.mkdirSync(path.join(dir, 'partials'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'partials', 'line.hbs'), '<p>{{text}}</p>');
    fs.writeFileSync(path.join(dir, 'note.hbs'), body);
    return dir;
  };

  it('render the same from the cache as when compiled, and a bad template still fails with its line', () => {
    const body = '<doc title="{{title}}">{{#each lines}}{{> line text=this}}{{/each}}</doc>\n';
    const first = compileTemplate(templates('a', body), 'note');
    expect(fs.readdirSync(path.join(cache, 'templates')).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    // Same sources in another folder: this process has not compiled them there, the disk has.
    const second = compileTemplate(templates('b', body), 'note');
    const context = { title: 'T <&>', lines: ['一', '二'] };
    expect(second.render(context)).toBe(first.render(context));
    expect(second.render(context)).toBe('<doc title="T &lt;&amp;&gt;"><p>一</p><p>二</p></doc>\n');
    expect(() => compileTemplate(templates('c', '{{nosuchhelper title 1}}\n'), 'note')).toThrow(DiagnosticError);
  });
});
