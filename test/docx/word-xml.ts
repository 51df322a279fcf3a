import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** One `<w:p>` of word/document.xml: where it is, its style id and its text. */
export interface XmlParagraph {
  start: number;
  end: number;
  xml: string;
  style: string;
  text: string;
}

/** The body paragraphs of a document.xml, in order (tables' paragraphs included). */
export function paragraphsOf(xml: string): XmlParagraph[] {
  const out: XmlParagraph[] = [];
  for (const m of xml.matchAll(/<w:p\b(?:[^>]*)?(?:\/>|>[\s\S]*?<\/w:p>)/g)) {
    const p = m[0];
    out.push({
      start: m.index,
      end: m.index + p.length,
      xml: p,
      style: /<w:pStyle w:val="([^"]*)"/.exec(p)?.[1] ?? '',
      text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    });
  }
  return out;
}

/** A paragraph as Word writes one: a style and one run of text, escaped. */
export function wordParagraph(style: string, text: string, runXml?: string): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${runXml ?? `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`}</w:p>`;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Rewrites parts of a .docx (an edit made "in Word"), keeping every other part as it was. */
export function editDocx(docx: Uint8Array, edit: (parts: Record<string, string>) => void, names = ['word/document.xml']): Uint8Array {
  const files = unzipSync(docx);
  const parts: Record<string, string> = {};
  for (const n of names) parts[n] = files[n] ? strFromU8(files[n]!) : '';
  edit(parts);
  for (const [n, text] of Object.entries(parts)) files[n] = strToU8(text);
  return zipSync(files);
}

/** Reads one part of a .docx as text. */
export function partOf(docx: Uint8Array, name: string): string {
  const files = unzipSync(docx, { filter: (f) => f.name === name });
  return files[name] ? strFromU8(files[name]!) : '';
}

/** A tracked change's attributes, as Word writes them. */
const BY = (id: number, author = '编辑甲') => `w:id="${id}" w:author="${author}" w:date="2021-03-10T09:00:00Z"`;

/**
 * Splits the run holding `after` (plain runs, as jianbao's drafts write body text) and puts a
 * tracked insertion of `inserted` right after it, as Word does when changes are tracked.
 */
export function trackInsert(paragraph: string, after: string, inserted: string, id = 901): string {
  return splitRunAfter(paragraph, after, `<w:ins ${BY(id)}><w:r><w:t xml:space="preserve">${escapeXml(inserted)}</w:t></w:r></w:ins>`);
}

/** Marks `deleted`, which must follow `after` in one run, as a tracked deletion. */
export function trackDelete(paragraph: string, after: string, deleted: string, id = 902): string {
  const withMark = splitRunAfter(paragraph, after, `<w:del ${BY(id)}><w:r><w:delText xml:space="preserve">${escapeXml(deleted)}</w:delText></w:r></w:del>`);
  const at = withMark.indexOf('</w:del>') + '</w:del>'.length;
  const rest = withMark.slice(at);
  if (!rest.includes(`>${escapeXml(deleted)}`)) throw new Error(`'${deleted}' does not follow '${after}'`);
  return withMark.slice(0, at) + rest.replace(`>${escapeXml(deleted)}`, '>');
}

function splitRunAfter(paragraph: string, after: string, insert: string): string {
  const needle = escapeXml(after);
  const at = paragraph.indexOf(needle);
  if (at < 0) throw new Error(`'${after}' is not in the paragraph`);
  const cut = at + needle.length;
  return `${paragraph.slice(0, cut)}</w:t></w:r>${insert}<w:r><w:t xml:space="preserve">${paragraph.slice(cut)}`;
}

/** Marks a paragraph's own mark as inserted or deleted (Word's record of a split or joined paragraph). */
export function trackMark(paragraph: string, kind: 'ins' | 'del', id = 903): string {
  const mark = `<w:rPr><w:${kind} ${BY(id)}/></w:rPr>`;
  return paragraph.includes('</w:pPr>') ? paragraph.replace('</w:pPr>', `${mark}</w:pPr>`) : paragraph.replace(/^<w:p>/, `<w:p><w:pPr>${mark}</w:pPr>`);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A paragraph style of styles.xml: id, display name, and optionally what it is based on and its outline level. */
export function styleXml(id: string, name: string, opts: { basedOn?: string; outline?: number; isDefault?: boolean } = {}): string {
  const pPr = opts.outline !== undefined ? `<w:pPr><w:outlineLvl w:val="${opts.outline}"/></w:pPr>` : '';
  return `<w:style w:type="paragraph"${opts.isDefault ? ' w:default="1"' : ''} w:styleId="${id}"><w:name w:val="${name}"/>${opts.basedOn ? `<w:basedOn w:val="${opts.basedOn}"/>` : ''}${pPr}</w:style>`;
}

/**
 * A small .docx made by hand, as another program might write one: the body XML, styles, and
 * optionally numbering, comments, pictures (media/… with relationship ids) and core properties.
 */
export function makeDocx(parts: { body: string; styles?: string; numbering?: string; comments?: string; media?: Record<string, { id: string; data: Uint8Array }>; core?: string }): Uint8Array {
  const rels = [
    `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`,
    ...(parts.numbering ? [`<Relationship Id="rIdNumbering" Type="${REL}/numbering" Target="numbering.xml"/>`] : []),
    ...(parts.comments ? [`<Relationship Id="rIdComments" Type="${REL}/comments" Target="comments.xml"/>`] : []),
    ...Object.entries(parts.media ?? {}).map(([name, m]) => `<Relationship Id="${m.id}" Type="${REL}/image" Target="media/${name}"/>`),
  ];
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>${parts.core ? `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` : ''}</Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>${parts.body}</w:body></w:document>`),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${parts.styles ?? ''}</w:styles>`),
  };
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  if (parts.comments) files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W}">${parts.comments}</w:comments>`);
  if (parts.core) files['docProps/core.xml'] = strToU8(parts.core);
  for (const [name, m] of Object.entries(parts.media ?? {})) files[`word/media/${name}`] = m.data;
  return zipSync(files);
}

/** An inline picture as Word writes one, pointing at relationship `rId`. */
export function pictureRun(rId: string, name = '图片 1'): string {
  return `<w:r><w:drawing><wp:inline><wp:docPr id="1" name="${name}"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="${rId}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}
