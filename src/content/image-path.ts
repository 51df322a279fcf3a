import fs from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';

/**
 * Resolves an image path relative to its content file and refuses any that leaves the
 * content folder, including through a symlink (checked on the real path).
 */
export function resolveImage(src: string, dir: string, contentRoot: string, pos: SourcePos, diagnostics: Diagnostic[]): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
    diagnostics.push(diag('error', 'image-path', `images are files next to the content, not URLs: ${src}`, pos));
    return undefined;
  }
  const abs = path.resolve(dir, src);
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch {
    diagnostics.push(diag('error', 'missing-image', `image not found: ${src}`, pos, [`looked for ${abs}`]));
    return undefined;
  }
  const root = fs.realpathSync(contentRoot);
  if (real !== root && !real.startsWith(root + path.sep)) {
    diagnostics.push(diag('error', 'image-path', `image path leaves the content folder: ${src}`, pos, [`keep images inside ${contentRoot}`]));
    return undefined;
  }
  return real;
}
