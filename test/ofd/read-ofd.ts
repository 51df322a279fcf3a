import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * A reader of OFD packages for the tests, written from GB/T 33190 and independent of the writer:
 * it unzips, parses every XML part strictly (well-formed, namespaces resolved), follows
 * OFD.xml → Document.xml → pages and resources, and places each TextCode character on its page.
 */
export const OFD_NS = 'http://www.ofdspec.org/2016';

export interface OfdElement {
  /** Local name. */
  name: string;
  uri: string;
  attrs: Record<string, string>;
  children: OfdElement[];
  text: string;
}

export function parseOfdXml(xml: string, part: string): OfdElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: OfdElement[] = [];
  let root: OfdElement | undefined;
  let error: string | undefined;
  parser.on('error', (e) => void (error ??= e.message));
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (a.prefix !== 'xmlns' && a.name !== 'xmlns') attrs[a.local] = a.value;
    const el: OfdElement = { name: tag.local, uri: tag.uri, attrs, children: [], text: '' };
    stack[stack.length - 1]?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (error || !root) throw new Error(`${part}: not well-formed XML: ${error ?? 'no root element'}`);
  return root;
}

export function child(el: OfdElement, name: string): OfdElement | undefined {
  return el.children.find((c) => c.name === name);
}
export function children(el: OfdElement, name: string): OfdElement[] {
  return el.children.filter((c) => c.name === name);
}

/** ST_Array with OFD's `g N v` repetition expanded. */
export function expandArray(value: string | undefined): number[] {
  if (!value) return [];
  const tokens = value.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const n = Number(tokens[i + 1]);
      const v = Number(tokens[i + 2]);
      if (!Number.isInteger(n) || n < 1 || Number.isNaN(v)) throw new Error(`bad 'g' repetition in ${value}`);
      for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else {
      const v = Number(tokens[i]);
      if (Number.isNaN(v)) throw new Error(`not a number: ${tokens[i]} in ${value}`);
      out.push(v);
    }
  }
  return out;
}

export interface OfdChar {
  text: string;
  /** Page position in mm, y down. */
  x: number;
  y: number;
  fontId: string;
  layer: string;
}

export interface OfdPage {
  width: number;
  height: number;
  chars: OfdChar[];
  /** TextCode strings in drawing order. */
  codes: { text: string; fontId: string; layer: string }[];
  paths: number;
  /** Each PathObject's Boundary, in mm, and whether it is filled. */
  pathBoxes: { x: number; y: number; width: number; height: number; filled: boolean }[];
  /** Each ImageObject's Boundary, in mm. */
  images: { x: number; y: number; width: number; height: number }[];
}

export interface OfdRead {
  files: Map<string, Uint8Array>;
  /** Every XML part, parsed. */
  parts: Map<string, OfdElement>;
  docInfo: Record<string, string>;
  pages: OfdPage[];
  /** Font resources by ID: the file's bytes. */
  fonts: Map<string, { name: string; bytes: Uint8Array }>;
  outline: string[];
}

const box = (s: string | undefined) => {
  const v = (s ?? '').trim().split(/\s+/).map(Number);
  if (v.length !== 4 || v.some(Number.isNaN)) throw new Error(`bad ST_Box: ${s}`);
  return { x: v[0]!, y: v[1]!, width: v[2]!, height: v[3]! };
};

/** Joins a location to the folder of the part it is written in (ST_Loc relative to that part). */
function resolve(base: string, loc: string): string {
  if (loc.startsWith('/')) return loc.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of loc.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export function readOfd(bytes: Uint8Array): OfdRead {
  const files = new Map(Object.entries(unzipSync(bytes)));
  const parts = new Map<string, OfdElement>();
  for (const [name, data] of files) if (name.endsWith('.xml')) parts.set(name, parseOfdXml(Buffer.from(data).toString('utf8'), name));
  const ofd = parts.get('OFD.xml');
  if (!ofd || ofd.name !== 'OFD') throw new Error('no OFD.xml with an OFD root');
  const body = child(ofd, 'DocBody')!;
  const docInfo: Record<string, string> = {};
  for (const c of child(body, 'DocInfo')?.children ?? []) docInfo[c.name] = c.children.length ? c.children.map((k) => k.text).join(',') : c.text;
  const docPath = resolve('OFD.xml', child(body, 'DocRoot')!.text.trim());
  const document = parts.get(docPath);
  if (!document) throw new Error(`DocRoot ${docPath} is missing`);
  const common = child(document, 'CommonData')!;
  const docBox = box(child(child(common, 'PageArea')!, 'PhysicalBox')!.text);
  const fonts = new Map<string, { name: string; bytes: Uint8Array }>();
  for (const resLoc of [...children(common, 'PublicRes'), ...children(common, 'DocumentRes')]) {
    const resPath = resolve(docPath, resLoc.text.trim());
    const res = parts.get(resPath);
    if (!res) throw new Error(`resource part ${resPath} is missing`);
    const base = resolve(resPath, `${res.attrs.BaseLoc ?? '.'}/x`);
    for (const font of child(res, 'Fonts')?.children ?? []) {
      const file = resolve(base, child(font, 'FontFile')!.text.trim());
      const data = files.get(file);
      if (!data) throw new Error(`font file ${file} is missing`);
      fonts.set(font.attrs.ID!, { name: font.attrs.FontName!, bytes: data });
    }
    for (const media of child(res, 'MultiMedias')?.children ?? []) {
      const file = resolve(base, child(media, 'MediaFile')!.text.trim());
      if (!files.has(file)) throw new Error(`media file ${file} is missing`);
    }
  }
  const pages: OfdPage[] = children(child(document, 'Pages')!, 'Page').map((p) => {
    const path = resolve(docPath, p.attrs.BaseLoc!);
    const page = parts.get(path);
    if (!page) throw new Error(`page ${path} is missing`);
    const area = child(page, 'Area');
    const size = area ? box(child(area, 'PhysicalBox')!.text) : docBox;
    const out: OfdPage = { width: size.width, height: size.height, chars: [], codes: [], paths: 0, pathBoxes: [], images: [] };
    for (const layer of children(child(page, 'Content') ?? { children: [] } as unknown as OfdElement, 'Layer')) {
      const type = layer.attrs.Type ?? 'Body';
      for (const obj of layer.children) {
        if (obj.name === 'PathObject') {
          out.paths++;
          out.pathBoxes.push({ ...box(obj.attrs.Boundary), filled: obj.attrs.Fill === 'true' });
        }
        if (obj.name === 'ImageObject') out.images.push(box(obj.attrs.Boundary));
        if (obj.name !== 'TextObject') continue;
        const b = box(obj.attrs.Boundary);
        const m = obj.attrs.CTM ? expandArray(obj.attrs.CTM) : [1, 0, 0, 1, 0, 0];
        for (const code of children(obj, 'TextCode')) {
          const chars = [...code.text];
          const dx = expandArray(code.attrs.DeltaX);
          const dy = expandArray(code.attrs.DeltaY);
          if (dx.length > chars.length - 1 || dy.length > chars.length - 1) throw new Error(`more deltas than characters: ${code.text}`);
          let x = Number(code.attrs.X);
          let y = Number(code.attrs.Y);
          chars.forEach((ch, i) => {
            if (i > 0) {
              x += dx[i - 1] ?? dx[dx.length - 1] ?? 0;
              y += dy[i - 1] ?? 0;
            }
            out.chars.push({ text: ch, x: b.x + m[0]! * x + m[2]! * y + m[4]!, y: b.y + m[1]! * x + m[3]! * y + m[5]!, fontId: obj.attrs.Font!, layer: type });
          });
          out.codes.push({ text: code.text, fontId: obj.attrs.Font!, layer: type });
        }
      }
    }
    return out;
  });
  const outline: string[] = [];
  const walk = (e: OfdElement) => {
    for (const c of children(e, 'OutlineElem')) {
      outline.push(c.attrs.Title!);
      walk(c);
    }
  };
  const outlines = child(document, 'Outlines');
  if (outlines) walk(outlines);
  return { files, parts, docInfo, pages, fonts, outline };
}
