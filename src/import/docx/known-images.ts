import { readBounded } from '../../io/read-bounded.js';
import { LIMITS } from '../../limits.js';
import path from 'node:path';
import { contentRootOf } from '../../content/load-article.js';
import { parseYamlData } from '../../content/read-yaml.js';

/**
 * The pictures a content file already refers to, with their bytes: a picture of the imported
 * draft with the same bytes keeps its `src`, so a round trip writes no copy of it.
 */
export function knownImages(yamlText: string, folder: string): { src: string; data: Uint8Array }[] {
  // The content reader's checks first: an alias cycle would send the walk below round forever.
  const data = parseYamlData('', yamlText).data;
  if (data === undefined) return [];
  const out: { src: string; data: Uint8Array }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const image = (v as { image?: { src?: unknown } }).image;
      if (image && typeof image.src === 'string') {
        // Under the path policy: a picture that leaves the folder or is not a file is the build's
        // error to report, not the import's.
        const read = readBounded(path.resolve(folder, image.src), { limit: LIMITS.importFileBytes, shown: image.src, root: { dir: contentRootOf(path.join(folder, 'x.yaml')), name: 'the content folder' } });
        if (read.ok) out.push({ src: image.src, data: new Uint8Array(read.bytes) });
      }
      Object.values(v).forEach(walk);
    }
  };
  walk(data);
  return out;
}
