import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const KEYS = ['JIANBAO_FONTS', 'JIANBAO_FONT_DIRS', 'JIANBAO_CACHE_DIR'] as const;

/**
 * Gives a test file its own font environment: a font cache under `root` (and `JIANBAO_FONTS`
 * when given) from its start; the variables the tests set restored, and `root` removed, at its end.
 */
export function ownFontEnvironment(root: string, fonts?: string): void {
  const saved = KEYS.map((k) => [k, process.env[k]] as const);
  beforeAll(() => {
    if (fonts !== undefined) process.env.JIANBAO_FONTS = fonts;
    process.env.JIANBAO_CACHE_DIR = path.join(root, 'cache');
  });
  afterAll(() => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    fs.rmSync(root, { recursive: true, force: true });
  });
}
