import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { tempDir } from '../support.js';
import { requireClient } from './clients.js';

/**
 * Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe:
 * commands on fd 3, answers on fd 4, each a JSON text ended by NUL). A few lines instead of a
 * browser-automation package (playwright-core: 3.2 MB packed, 14 MB installed).
 */
export interface Browser {
  /** Opens a page at `url`; evaluate runs an expression in it and returns its value. */
  open(url: string): Promise<{ evaluate<T>(expression: string): Promise<T>; screenshot(file: string): Promise<void> }>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const bin = requireClient('chromium', 'chromium');
  const profile = tempDir('jianbao-cdp-');
  // The flags of this machine's probe: no sandbox (root), no background network.
  const child: ChildProcess = spawn(
    bin,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let buffer = Buffer.alloc(0);
  fromBrowser.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (let end = buffer.indexOf(0); end >= 0; end = buffer.indexOf(0)) {
      const message = JSON.parse(buffer.subarray(0, end).toString('utf8')) as { id?: number; result?: unknown; error?: { message: string } };
      buffer = buffer.subarray(end + 1);
      const w = message.id !== undefined ? waiting.get(message.id) : undefined;
      if (!w) continue;
      waiting.delete(message.id!);
      if (message.error) w.reject(new Error(message.error.message));
      else w.resolve(message.result);
    }
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  void exited.then(() => {
    for (const w of waiting.values()) w.reject(new Error(`chromium exited\n${stderr}`));
  });
  const send = <T>(method: string, params: object = {}, sessionId?: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  return {
    async open(url) {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url });
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      const evaluate = async <T>(expression: string): Promise<T> => {
        const r = await send<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
        if (r.exceptionDetails) throw new Error(`in the page: ${r.exceptionDetails.text}`);
        return r.result.value;
      };
      // The new tab starts on about:blank and then navigates: wait until the page itself has loaded.
      const started = Date.now();
      for (;;) {
        const loaded = await evaluate<boolean>(`location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`).catch(() => false);
        if (loaded) break;
        if (Date.now() - started > 30_000) throw new Error(`${url} did not load`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return {
        evaluate,
        async screenshot(file: string) {
          const { data } = await send<{ data: string }>('Page.captureScreenshot', { format: 'png' }, sessionId);
          (await import('node:fs')).writeFileSync(file, Buffer.from(data, 'base64'));
        },
      };
    },
    async close() {
      await send('Browser.close').catch(() => undefined);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      child.kill('SIGKILL');
    },
  };
}
