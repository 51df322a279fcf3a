import { strFromU8 } from 'fflate';
import { openZip, ZipReadError, type ZipArchive } from '../../zip/read-zip.js';
import { LIMITS, type Limit } from '../../limits.js';
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
    /** Rule id of the diagnostic: `unsupported-input`, `encrypted`, or a limit's (`zip-size`). */
    readonly rule = 'unsupported-input',
  ) {
    super(message);
  }
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
/** An OLE compound file: the container of Word 97–2003 documents and of encrypted Office files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Opens a .docx: the zip archive read under LIMITS (entries, and bytes inflated per part and in
 * all, checked while inflating), its main document, styles, numbering and comments parsed with
 * bounded nesting. Throws NotDocxError or XmlError, never anything else for bad bytes.
 */
export function openDocx(bytes: Uint8Array): DocxPackage {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) throw oleError(bytes);
  let zip: ZipArchive;
  try {
    zip = openZip(bytes);
  } catch (e) {
    throw zipError(e);
  }
  const files = (path: string, bound?: Limit): Uint8Array | undefined => {
    try {
      return zip.read(path, bound);
    } catch (e) {
      throw zipError(e);
    }
  };
  // A part parsed as XML has a lower bound than a picture: it becomes a string and a tree.
  const text = (path: string) => {
    const data = files(path, LIMITS.xmlPartBytes);
    return data ? strFromU8(data) : undefined;
  };
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
    const what = zip.has('content.xml') ? 'an OpenDocument file (.odt)' : zip.has('xl/workbook.xml') ? 'an Excel workbook' : zip.has('ppt/presentation.xml') ? 'a PowerPoint file' : 'a zip archive without word/document.xml';
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
    part: (path) => files(path),
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

/** A zip reader's refusal as the importer words it. */
function zipError(e: unknown): NotDocxError {
  if (!(e instanceof ZipReadError)) return new NotDocxError(`not a zip archive (${(e as Error).message})`, true);
  switch (e.kind) {
    case 'not-zip':
    case 'corrupt':
      return new NotDocxError(e.kind === 'not-zip' ? e.message : `a damaged zip archive: ${e.message}`, true);
    case 'encrypted':
      return new NotDocxError(`it is encrypted (${e.message})`, false, 'encrypted');
    case 'too-large':
      return new NotDocxError(`${e.message}; a Word document is far smaller`, false, e.rule ?? LIMITS.zipTotalBytes.rule);
    case 'unsupported':
      return new NotDocxError(e.message, false);
  }
}

/**
 * What an OLE compound file with a .docx name is: Word encrypts a password-protected .docx into
 * one (streams EncryptionInfo and EncryptedPackage); otherwise it is a Word 97–2003 file.
 */
function oleError(bytes: Uint8Array): NotDocxError {
  const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
  return encrypted
    ? new NotDocxError('it is a password-protected (encrypted) Word document', false, 'encrypted')
    : new NotDocxError('it is a Word 97–2003 document (.doc) or another old Office file, not a .docx', false);
}
