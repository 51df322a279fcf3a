import { strFromU8, unzipSync } from 'fflate';
import { elements, parseXml, type XmlElement } from './xml.js';

/** A relationship of a part: `rId7` → `media/image1.png` (resolved against the part's folder). */
export interface Relationship {
  id: string;
  type: string;
  /** Path inside the package, or the URL of an external target. */
  target: string;
  external: boolean;
}

/** The parts of a .docx that the importer reads, parsed. */
export interface DocxPackage {
  /** Path of the main document part, usually `word/document.xml`. */
  documentPath: string;
  document: XmlElement;
  styles?: XmlElement;
  numbering?: XmlElement;
  comments?: XmlElement;
  /** docProps/core.xml and docProps/custom.xml: title, author, and the properties jianbao marks its drafts with. */
  core?: XmlElement;
  custom?: XmlElement;
  /** Relationships of the main document, by id. */
  rels: Map<string, Relationship>;
  /** Raw bytes of a part (images), by path. */
  part(path: string): Uint8Array | undefined;
}

/** Thrown when the bytes are not a Word package; the message says what they are instead. */
export class NotDocxError extends Error {
  override name = 'NotDocxError';
  constructor(
    message: string,
    /** True when the file is no zip archive at all (cut short, or another format with a .docx name). */
    readonly corrupt: boolean,
  ) {
    super(message);
  }
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
/** Limits on what a package may inflate to: a long report with pictures is some megabytes. */
const MAX_PART = 256 * 2 ** 20;
const MAX_TOTAL = 512 * 2 ** 20;

/** Opens a .docx: unzips it and parses the main document, its styles, numbering and comments. */
export function openDocx(bytes: Uint8Array): DocxPackage {
  let files: Record<string, Uint8Array>;
  let total = 0;
  try {
    files = unzipSync(bytes, {
      // A few kilobytes can claim gigabytes once inflated: refuse before inflating.
      filter: (f) => {
        total += f.originalSize;
        if (f.originalSize > MAX_PART || total > MAX_TOTAL) throw new NotDocxError(`it inflates to more than ${MAX_TOTAL >> 20} MB (${f.name} alone ${Math.round(f.originalSize / 2 ** 20)} MB); a Word document is far smaller`, false);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof NotDocxError) throw e;
    throw new NotDocxError(`not a zip archive (${(e as Error).message})`, true);
  }
  const text = (path: string) => (files[path] ? strFromU8(files[path]!) : undefined);
  const xml = (path: string) => {
    const t = text(path);
    return t === undefined ? undefined : parseXml(t, path);
  };

  // The package says where its main part is; word/document.xml when it does not.
  let documentPath = 'word/document.xml';
  const root = xml('_rels/.rels');
  if (root) {
    const main = readRels(root, '').find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external);
    if (main) documentPath = main.target;
  }
  const document = xml(documentPath);
  if (!document) {
    const what = files['content.xml'] ? 'an OpenDocument file (.odt)' : files['xl/workbook.xml'] ? 'an Excel workbook' : files['ppt/presentation.xml'] ? 'a PowerPoint file' : 'a zip archive without word/document.xml';
    throw new NotDocxError(`it is ${what}, not a Word document`, false);
  }
  const folder = documentPath.includes('/') ? documentPath.slice(0, documentPath.lastIndexOf('/') + 1) : '';
  const relsPath = `${folder}_rels/${documentPath.slice(folder.length)}.rels`;
  const relsXml = xml(relsPath);
  const rels = new Map<string, Relationship>();
  for (const r of relsXml ? readRels(relsXml, folder) : []) rels.set(r.id, r);
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix) && !r.external)?.target;
  const styles = xml(byType('/styles') ?? `${folder}styles.xml`);
  const numbering = xml(byType('/numbering') ?? `${folder}numbering.xml`);
  const comments = xml(byType('/comments') ?? `${folder}comments.xml`);
  const packageRels = root ? readRels(root, '') : [];
  const core = xml(packageRels.find((r) => r.type.endsWith('/core-properties'))?.target ?? 'docProps/core.xml');
  const custom = xml(packageRels.find((r) => r.type.endsWith('/custom-properties'))?.target ?? 'docProps/custom.xml');
  return {
    documentPath,
    document,
    ...(styles ? { styles } : {}),
    ...(numbering ? { numbering } : {}),
    ...(comments ? { comments } : {}),
    ...(core ? { core } : {}),
    ...(custom ? { custom } : {}),
    rels,
    part: (path) => files[path],
  };
}

function readRels(root: XmlElement, folder: string): Relationship[] {
  return elements(root, 'pr:Relationship').map((r) => {
    const external = r.attrs['TargetMode'] === 'External';
    const raw = r.attrs['Target'] ?? '';
    return { id: r.attrs['Id'] ?? '', type: r.attrs['Type'] ?? '', target: external ? raw : resolvePart(folder, raw), external };
  });
}

/** `word/` + `media/a.png` → `word/media/a.png`; `/word/x` is from the package root; `..` climbs. */
function resolvePart(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}
