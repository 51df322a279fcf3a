import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { inspectImage } from '../images/image-header.js';
import { placeInside } from '../io/inside-root.js';

/**
 * Resolves an image path relative to its content file under the path policy (placeInside): no
 * URL, no absolute path, nothing that leaves the content folder as written or through a link.
 * The image's header is then read (a regular file, bounded) and checked against the size limits,
 * so no renderer decodes an oversized image.
 */
export function resolveImage(src: string, dir: string, contentRoot: string, pos: SourcePos, diagnostics: Diagnostic[]): string | undefined {
  const placed = placeInside(contentRoot, src, dir);
  if (!placed.ok) {
    switch (placed.why) {
      case 'url':
        diagnostics.push(diag('error', 'image-path', `images are files next to the content, not URLs: ${src}`, pos));
        break;
      case 'absolute':
        diagnostics.push(diag('error', 'image-path', `image paths are relative to the content file, not absolute: ${src}`, pos, ['copy the image into the content folder and give its path from this file']));
        break;
      case 'bad-name':
        diagnostics.push(diag('error', 'image-path', `the image path ${JSON.stringify(src)} holds a control character or a backslash`, pos, ['write the path with forward slashes and printable characters']));
        break;
      default: {
        const via = placed.why === 'link-outside' ? ` (through a link to ${placed.real})` : '';
        diagnostics.push(diag('error', 'image-path', `image path leaves the content folder: ${src}${via}`, pos, [`keep images inside ${contentRoot}`]));
      }
    }
    return undefined;
  }
  if (placed.real === undefined) {
    diagnostics.push(diag('error', 'missing-image', `image not found: ${src}`, pos, [`looked for ${placed.abs}`]));
    return undefined;
  }
  const info = inspectImage(placed.real);
  if (!info.ok) {
    diagnostics.push(diag('error', info.rule, `${src}: ${info.message}`, pos, [info.hint]));
    return undefined;
  }
  return placed.real;
}
