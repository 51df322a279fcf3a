import fs from 'node:fs';
import { describeRefusal, placeInside } from '../io/inside-root.js';
import { inspectImage, type ImageInfo, type ImageProblem } from './image-header.js';

/** An image path a template emitted, checked: the file to read, or why none may be. */
export type ImageCheck = { ok: true; path: string } | { ok: false; rule: 'image-path' | 'missing-image' | ImageProblem['rule']; message: string; hint: string };

/**
 * The one image policy of every renderer, applied when the markup becomes the IR: whatever a
 * template emits as `<image path>` (the content's image, resolved by the content loader, or a
 * path of its own) must be a file inside one of `roots` (the content folder, the content file's
 * folder) as written and through links, a regular file, and an image both renderers can embed
 * within the size limits (inspectImage). Renderers then get only checked paths: a URL, a data:
 * URI, /dev/zero or a file outside the project never reaches the PDF or the DOCX writer.
 */
export function checkImagePath(target: string, roots: readonly string[]): ImageCheck {
  const refuse = (rule: Extract<ImageCheck, { ok: false }>['rule'], message: string, hint: string): ImageCheck => ({ ok: false, rule, message, hint });
  if (target === '') return refuse('image-path', 'the image has no path', 'give <image> the path of a file in the content folder');
  // A path found in one root wins; one that leaves a root is refused before one merely missing.
  let refusal: string | undefined;
  let missing: string | undefined;
  for (const root of roots) {
    const placed = placeInside(root, target, root, { allowAbsolute: true });
    if (!placed.ok) {
      if (placed.why === 'url') return refuse('image-path', `images are files in the content folder, not URLs: ${short(target)}`, 'copy the image into the content folder and name it from there');
      if (placed.why === 'bad-name') return refuse('image-path', `the image path ${JSON.stringify(short(target))} holds a control character or a backslash`, 'write the path with forward slashes and printable characters');
      refusal ??= describeRefusal(placed, 'the content folder');
      continue;
    }
    if (placed.real === undefined) {
      missing ??= placed.abs;
      continue;
    }
    const info = inspected(placed.real);
    if (!info.ok) return refuse(info.rule, `${target}: ${info.message}`, info.hint);
    return { ok: true, path: placed.real };
  }
  if (refusal || !missing) return refuse('image-path', `the image ${short(target)} ${refusal ?? 'is outside the content folder'}`, 'images are read only from the content folder');
  return refuse('missing-image', `image not found: ${target}`, `looked for ${missing}`);
}

function short(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

const seen = new Map<string, { stamp: string; info: ImageInfo | ImageProblem }>();

/** inspectImage, once per file and version in a process: a build checks each image per layout. */
function inspected(file: string): ImageInfo | ImageProblem {
  let stamp = '';
  try {
    const st = fs.statSync(file);
    stamp = `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    // inspectImage says why
  }
  const hit = seen.get(file);
  if (hit && stamp && hit.stamp === stamp) return hit.info;
  const info = inspectImage(file);
  if (stamp) seen.set(file, { stamp, info });
  return info;
}
