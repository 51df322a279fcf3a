import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentType, fileInside } from './serve-path.js';

/** What the page is told after each build (an SSE `build` event). */
export interface BuildNotice {
  /** Builds so far, from 1. */
  seq: number;
  ok: boolean;
  /** Outputs rebuilt, and of how many. */
  rebuilt: number;
  total: number;
  /** The time of day it finished, HH:MM:SS. */
  at: string;
  /** The diagnostics, as the terminal shows them, when it failed. */
  message?: string;
}

export interface PreviewServerOptions {
  /** The out folder served under /out/ (asked on each request: jianbao.yaml may move it). */
  outDir: () => string;
  /** The viewer's own files (the package's viewer/), served under /viewer/ and at /. */
  viewerDir: string;
  /** pdf.js's files the viewer loads, by the name it asks for. */
  pdfjs: Readonly<Record<string, string>>;
  host: string;
  port: number;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** Tells every open page that a build started, wrote an output, or finished. */
  building(): void;
  output(written: { path: string; sha256: string; pages?: number }): void;
  built(notice: BuildNotice): void;
  close(): Promise<void>;
}

/**
 * The preview's HTTP server: the viewer page, pdf.js, the files of the out folder and a stream
 * of build events (server-sent events). It listens on the loopback address only, answers only
 * requests addressed to it by that name (a page elsewhere cannot reach it through DNS
 * rebinding), serves GET and HEAD only, and nothing outside its folders (see serve-path.ts).
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const clients = new Set<http.ServerResponse>();
  let last: BuildNotice | undefined;
  let port = 0;

  const send = (res: http.ServerResponse, event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const plain = (res: http.ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(text + '\n');
  };
  const file = (req: http.IncomingMessage, res: http.ServerResponse, root: string, rel: string) => {
    const found = fileInside(root, rel);
    if ('status' in found) return plain(res, found.status, found.status === 404 ? 'not found' : found.status === 403 ? 'forbidden' : 'bad request');
    serve(req, res, found.file);
  };
  const serve = (req: http.IncomingMessage, res: http.ServerResponse, path: string) => {
    let size: number;
    try {
      size = fs.statSync(path).size;
    } catch {
      return plain(res, 404, 'not found');
    }
    res.writeHead(200, {
      'Content-Type': contentType(path),
      'Content-Length': size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; frame-ancestors 'self'",
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(path).on('error', () => res.destroy()).pipe(res);
  };

  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}` && host !== `[::1]:${port}`) return plain(res, 403, 'forbidden: the preview answers only at its own address');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, 'method not allowed');
    }
    const pathname = (req.url ?? '/').split('?')[0]!.split('#')[0]!;
    if (pathname === '/' || pathname === '/index.html') return file(req, res, options.viewerDir, 'index.html');
    if (pathname.startsWith('/viewer/')) return file(req, res, options.viewerDir, pathname.slice('/viewer/'.length));
    if (pathname.startsWith('/out/')) return file(req, res, options.outDir(), pathname.slice('/out/'.length));
    if (pathname.startsWith('/pdfjs/')) {
      const asset = options.pdfjs[pathname.slice('/pdfjs/'.length)];
      return asset ? serve(req, res, asset) : plain(res, 404, 'not found');
    }
    if (pathname === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      clients.add(res);
      if (last) send(res, 'build', last);
      req.on('close', () => clients.delete(res));
      return;
    }
    plain(res, 404, 'not found');
  });
  // A comment line now and then keeps idle connections (and proxies) from closing the stream.
  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    building() {
      for (const c of clients) send(c, 'building', {});
    },
    output(written) {
      for (const c of clients) send(c, 'output', written);
    },
    built(notice) {
      last = notice;
      for (const c of clients) send(c, 'build', notice);
    },
    async close() {
      clearInterval(heartbeat);
      for (const c of clients) c.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
