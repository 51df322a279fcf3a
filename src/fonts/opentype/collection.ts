import { type FaceInfo, readFaceInfosOfFile } from './face-info.js';
import { nameKey } from './name-table.js';

/**
 * Choosing a face by its names, in a collection or among installed faces. A `.ttc` holds several
 * faces and its first is not the one a Chinese document wants: Debian's NotoSerifCJK-Regular.ttc
 * orders them JP, KR, SC, TC, HK, and Windows' simsun.ttc holds 宋体 and 新宋体.
 */

/** Every name a face answers to: its families, full names and PostScript name, as match keys. */
export function faceKeys(face: Pick<FaceInfo, 'families' | 'fullNames' | 'postscriptName'>): Set<string> {
  const keys = new Set<string>();
  for (const f of face.families) keys.add(nameKey(f.name));
  for (const n of face.fullNames) keys.add(nameKey(n));
  if (face.postscriptName) keys.add(nameKey(face.postscriptName));
  return keys;
}

/**
 * How well a face suits a role asking for a weight: upright before italic, then the nearest
 * weight (a family's Regular before its Light or Bold). Lower is better.
 */
function styleDistance(face: Pick<FaceInfo, 'weight' | 'italic'>, weight: number): number {
  return (face.italic ? 10_000 : 0) + Math.abs(face.weight - weight);
}

export interface NameMatch<T> {
  face: T;
  /** The name of the list that matched, as the list spells it. */
  name: string;
}

/**
 * The face that the first name it answers to comes earliest in `names` (the theme's order of
 * preference), and among those the nearest in style. Ties keep the order of `faces`, which
 * callers make stable (by file, then index).
 */
export function chooseByName<T extends Pick<FaceInfo, 'families' | 'fullNames' | 'postscriptName' | 'weight' | 'italic'>>(
  faces: readonly T[],
  names: readonly string[],
  weight = 400,
): NameMatch<T> | undefined {
  const keyed = faces.map((face) => ({ face, keys: faceKeys(face) }));
  for (const name of names) {
    const key = nameKey(name);
    let best: T | undefined;
    for (const { face, keys } of keyed) {
      if (!keys.has(key)) continue;
      if (!best || styleDistance(face, weight) < styleDistance(best, weight)) best = face;
    }
    if (best) return { face: best, name };
  }
  return undefined;
}

/**
 * The face of a font file that answers to one of `names` (the first in the list that any face
 * answers to); for a single font, that font if it answers. Undefined when none does.
 * Throws FontFormatError when the file is not a readable font.
 */
export function faceInFile(file: string, names: readonly string[], weight = 400): FaceInfo | undefined {
  return chooseByName(readFaceInfosOfFile(file), names, weight)?.face;
}
