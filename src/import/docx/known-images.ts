import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The pictures a content file already refers to, with their bytes: a picture of the imported
 * draft with the same bytes keeps its `src`, so a round trip writes no copy of it.
 */
export function knownImages(yamlText: string, folder: string): { src: string; data: Uint8Array }[] {
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch {
    return [];
  }
  const out: { src: string; data: Uint8Array }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const image = (v as { image?: { src?: unknown } }).image;
      if (image && typeof image.src === 'string') {
        const file = path.resolve(folder, image.src);
        try {
          out.push({ src: image.src, data: new Uint8Array(fs.readFileSync(file)) });
        } catch {
          // A missing picture is the build's error to report, not the import's.
        }
      }
      Object.values(v).forEach(walk);
    }
  };
  walk(data);
  return out;
}
