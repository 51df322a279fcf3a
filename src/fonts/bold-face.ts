import type { FaceInfo } from './opentype/face-info.js';

/**
 * Whether `bold` is a bold of the face `regular`: a face of the same type family (they share a
 * family name) that is heavier. A role's bold face is used only then, so that a 仿宋 found on the
 * machine is never set beside a bundled serif bold: a face without a bold of its own gets
 * synthetic bold instead.
 */
export function isBoldOf(regular: FaceInfo, bold: FaceInfo): boolean {
  const names = new Set(regular.families.map((f) => f.name.trim().toLowerCase()));
  return bold.weight > regular.weight && bold.families.some((f) => names.has(f.name.trim().toLowerCase()));
}
