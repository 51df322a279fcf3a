import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support.js';
import { startPreviewServer, type PreviewServer } from './server.js';

/** A request with a chosen Host header and path, as a browser or an attacker would send it. */
function request(port: number, target: string, options: { host?: string; method?: string } = {}): Promise<{ status: number; body: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the preview server', () => {
  let server: PreviewServer;
  let root: string;
  beforeAll(async () => {
    root = tempDir('jianbao-serve-');
    const out = path.join(root, 'out');
    const viewer = path.join(root, 'viewer');
    fs.mkdirSync(path.join(out, 'articles/a'), { recursive: true });
    fs.mkdirSync(viewer);
    fs.writeFileSync(path.join(out, 'articles/a/report.pdf'), '%PDF-1.7 示例');
    fs.writeFileSync(path.join(out, 'manifest.json'), '{"outputs":[]}');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'not to be served');
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(out, 'link.txt'));
    fs.writeFileSync(path.join(viewer, 'index.html'), '<!doctype html><title>viewer</title>');
    fs.writeFileSync(path.join(viewer, 'viewer.js'), '// viewer');
    server = await startPreviewServer({ outDir: () => out, viewerDir: viewer, pdfjs: { 'pdf.min.mjs': path.join(viewer, 'viewer.js') }, host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => server.close());

  it('listens on the loopback address, on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the viewer, pdf.js and the files of out/, with their types', async () => {
    expect(await request(server.port, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await request(server.port, '/pdfjs/pdf.min.mjs')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await request(server.port, '/out/articles/a/report.pdf?v=1')).toMatchObject({ status: 200, type: 'application/pdf', body: '%PDF-1.7 示例' });
    expect(await request(server.port, '/out/manifest.json')).toMatchObject({ status: 200, body: '{"outputs":[]}' });
  });

  it('serves nothing outside its folders: no .., no encoded .., no link out, no other pdf.js file', async () => {
    for (const p of ['/out/../secret.txt', '/out/%2e%2e/secret.txt', '/out/articles/%2e%2e%2f..%2fsecret.txt', '/out/link.txt', '/viewer/../secret.txt', '/out/articles%5c..%5c..%5csecret.txt', '/pdfjs/../../secret.txt', '/pdfjs/pdf.worker.mjs', '/out/%zz']) {
      const r = await request(server.port, p);
      expect([400, 403, 404], p).toContain(r.status);
      expect(r.body, p).not.toContain('not to be served');
    }
  });

  it('answers only requests addressed to it (no DNS rebinding) and only GET and HEAD', async () => {
    expect((await request(server.port, '/', { host: 'evil.example:80' })).status).toBe(403);
    expect((await request(server.port, '/', { host: `localhost:${server.port}` })).status).toBe(200);
    expect((await request(server.port, '/out/manifest.json', { method: 'POST' })).status).toBe(405);
    expect(await request(server.port, '/out/manifest.json', { method: 'HEAD' })).toMatchObject({ status: 200, body: '' });
  });

  it('tells open pages about each build, and a page that connects later about the last one', async () => {
    server.built({ seq: 1, ok: true, rebuilt: 2, total: 2, at: '10:00:00' });
    const got = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: '/events' }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let text = '';
        res.on('data', (d: Buffer) => {
          text += d.toString();
          if (text.includes('"seq":2')) {
            req.destroy();
            resolve(text);
          } else if (text.includes('"seq":1')) server.built({ seq: 2, ok: false, rebuilt: 0, total: 0, at: '10:00:01', message: 'a.yaml:2:7: error[schema]: …' });
        });
      });
      req.on('error', reject);
    });
    expect(got).toContain('event: build\ndata: {"seq":1,"ok":true');
    expect(got).toContain('event: build\ndata: {"seq":2,"ok":false,"rebuilt":0,"total":0,"at":"10:00:01","message":"a.yaml:2:7: error[schema]: …"}');
  });
});
