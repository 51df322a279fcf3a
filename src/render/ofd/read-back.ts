import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/**
 * What `--verify` and the manifest read back from an OFD package: its pages in order (from
 * Document.xml) and the text of their TextCodes in Body layers (page numbers and draft marks are
 * Foreground layers, see page-content.ts).
 */
export interface OfdReadBack {
  pages: number;
  /** The text of each page's Body layers, TextCodes joined in drawing order. */
  text: string[];
}

const NS = 'http://www.ofdspec.org/2016';

export function readOfdText(bytes: Uint8Array): OfdReadBack {
  const files = unzipSync(bytes);
  const part = (name: string) => {
    const data = files[name];
    if (!data) throw new Error(`the OFD package has no ${name}`);
    return strFromU8(data);
  };
  const docRoot = elements(part('OFD.xml'), 'DocRoot')[0]?.text.trim();
  if (!docRoot) throw new Error('OFD.xml names no DocRoot');
  const dir = docRoot.split('/').slice(0, -1).join('/');
  const pages = elements(part(docRoot), 'Page').map((p) => p.attrs.BaseLoc ?? '');
  const text = pages.map((loc) => {
    let out = '';
    let inBody = false;
    const parser = new SaxesParser({ xmlns: true });
    let code = false;
    parser.on('opentag', (t) => {
      if (t.uri !== NS) return;
      if (t.local === 'Layer') inBody = (t.attributes.Type as { value: string } | undefined)?.value !== 'Foreground';
      if (t.local === 'TextCode') code = true;
    });
    parser.on('text', (t) => void (code && inBody && (out += t)));
    parser.on('closetag', (t) => void (t.local === 'TextCode' && (code = false)));
    parser.on('error', (e) => {
      throw e;
    });
    parser.write(part(`${dir}/${loc}`)).close();
    return out;
  });
  return { pages: pages.length, text };
}

/** The elements of one name in the OFD namespace, with their attributes and text. */
function elements(xml: string, local: string): { attrs: Record<string, string>; text: string }[] {
  const out: { attrs: Record<string, string>; text: string }[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let open: { attrs: Record<string, string>; text: string } | undefined;
  parser.on('opentag', (t) => {
    if (t.uri !== NS || t.local !== local) return;
    const attrs: Record<string, string> = {};
    for (const a of Object.values(t.attributes) as { local: string; value: string; prefix: string }[]) if (a.prefix !== 'xmlns') attrs[a.local] = a.value;
    open = { attrs, text: '' };
    out.push(open);
  });
  parser.on('text', (t) => void (open && (open.text += t)));
  parser.on('closetag', (t) => void (t.local === local && (open = undefined)));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return out;
}

/** The number of pages of an OFD package (the manifest's page count). */
export function countOfdPages(bytes: Uint8Array): number {
  return readOfdText(bytes).pages;
}
