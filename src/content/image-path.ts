import fs from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { inspectImage } from '../images/image-header.js';

/**
 * Resolves an image path relative to its content file and refuses any that leaves the
 * content folder, including through a symlink (checked on the real path). The image's header
 * is then read and checked against the size limits, so no renderer decodes an oversized image.
 */
export function resolveImage(src: string, dir: string, contentRoot: string, pos: SourcePos, diagnostics: Diagnostic[]): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
    diagnostics.push(diag('error', 'image-path', `images are files next to the content, not URLs: ${src}`, pos));
    return undefined;
  }
  if (path.isAbsolute(src)) {
    diagnostics.push(diag('error', 'image-path', `image paths are relative to the content file, not absolute: ${src}`, pos, ['copy the image into the content folder and give its path from this file']));
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
  if (!real.startsWith(root + path.sep)) {
    const via = real !== abs && (abs === root || abs.startsWith(root + path.sep)) ? ` (through a link to ${real})` : '';
    diagnostics.push(diag('error', 'image-path', `image path leaves the content folder: ${src}${via}`, pos, [`keep images inside ${contentRoot}`]));
    return undefined;
  }
  const info = inspectImage(real);
  if (!info.ok) {
    diagnostics.push(diag('error', info.rule, `${src}: ${info.message}`, pos, [info.hint]));
    return undefined;
  }
  return real;
}
