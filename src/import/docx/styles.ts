import { child, elements, val, type XmlElement } from './xml.js';

/** What a paragraph style means to the content model. */
export type Role =
  /** 引题, above the title. */
  | 'kicker'
  | 'title'
  | 'subtitle'
  | 'column'
  | 'editorNote'
  | 'heading'
  | 'body'
  | 'listItem'
  | 'caption'
  | 'tableText'
  | 'source'
  | 'date'
  | 'author'
  /** 附件说明 (the first line of it, in the role's style). */
  | 'attachments'
  /** A bulletin issue's own 编者按, above its contents. */
  | 'issueNote'
  /** Page furniture: headers, footers, a bulletin's masthead, contents and end block. */
  | 'furniture'
  | 'unknown';

export interface StyleRole {
  role: Role;
  /** 1–4 for headings. */
  level?: number;
}

/** A paragraph style of styles.xml. */
export interface DocxStyle {
  id: string;
  name: string;
  basedOn?: string;
  /** 0-based outline level set in the style, when it has one below 9 (body text). */
  outlineLevel?: number;
  /** The style numbers its paragraphs (a list or numbered heading style). */
  numbered: boolean;
}

/**
 * Style names and ids as jianbao's themes, Word (English and Chinese UI), WPS, LibreOffice and
 * pandoc write them, compared without case, spaces, `_` or `-`.
 */
const KNOWN: Record<string, StyleRole> = {};
const add = (role: Role, names: string[], level?: number) => {
  for (const n of names) KNOWN[normalize(n)] = { role, ...(level ? { level } : {}) };
};
add('title', ['Title', '标题', 'Document Title']);
add('subtitle', ['Subtitle', '副标题', '副题']);
add('kicker', ['Kicker', '引题', '肩题']);
// 附件说明 and its further lines (附件：1.… / 2.…).
add('attachments', ['Attachments', '附件说明', 'AttachmentsMore', '附件说明续']);
add('column', ['Column', '栏目']);
add('editorNote', ['EditorNote', "Editor's Note", '编者按', 'Abstract', '摘要']);
add('body', [
  'Normal', '正文', 'Standard', 'Default', 'Default Paragraph Style', 'BodyText', 'Body Text', 'Text Body', 'Text', '正文文本',
  'Body Text Indent', 'Body Text First Indent', '正文文本缩进', '正文首行缩进', 'First Paragraph', 'Compact', 'Block Text',
  'Normal (Web)', 'NormalWeb', '普通(网站)', 'Plain Text', '纯文本', 'Preformatted Text', 'PreformattedText', 'Quotations', 'Quote',
  // A picture's own paragraph in a jianbao draft: it holds the picture, no text.
  'Picture', '图片',
]);
add('listItem', ['ListParagraph', 'List Paragraph', '列表段落', 'List', '列表', 'List Bullet', 'List Number', 'List Continue', '项目符号', '编号']);
add('caption', ['Caption', '题注', 'Image Caption', 'Table Caption', 'Figure', 'Illustration']);
add('tableText', ['TableText', '表格文字', 'TableHeading', '表头', 'Table Contents', 'Table Heading', '表格内容', '表格标题']);
add('source', ['Source', '来源']);
add('issueNote', ['IssueNote', '本期编者按']);
add('date', ['Date', '日期']);
add('author', ['Author', '作者']);
add('furniture', [
  'Header', 'Footer', '页眉', '页脚', 'Masthead', 'MastheadMark', 'MastheadMeta', 'IssueNumber', 'TocHeading', 'TocColumn', 'TocEntry', 'EndBlock',
  'TOC Heading', 'TOCHeading', '目录标题', 'Contents Heading',
]);
for (let n = 1; n <= 9; n++) {
  add('heading', [`Heading${n}`, `Heading ${n}`, `标题 ${n}`, `标题${n}`], Math.min(n, 4));
  add('furniture', [`TOC${n}`, `toc ${n}`, `目录 ${n}`, `Contents ${n}`]);
}

export function normalize(name: string): string {
  return name.toLowerCase().replace(/[\s_\-]+/g, '');
}

/** The paragraph styles of styles.xml by id, and the id of the default one. */
export function readStyles(styles: XmlElement | undefined): { byId: Map<string, DocxStyle>; defaultId?: string } {
  const byId = new Map<string, DocxStyle>();
  let defaultId: string | undefined;
  if (!styles) return { byId };
  for (const s of elements(styles, 'w:style')) {
    if ((s.attrs['w:type'] ?? 'paragraph') !== 'paragraph') continue;
    const id = s.attrs['w:styleId'] ?? '';
    const pPr = child(s, 'w:pPr');
    const outline = val(pPr, 'w:outlineLvl');
    const style: DocxStyle = {
      id,
      name: val(s, 'w:name') ?? id,
      numbered: !!child(pPr, 'w:numPr'),
    };
    const basedOn = val(s, 'w:basedOn');
    if (basedOn) style.basedOn = basedOn;
    if (outline !== undefined && Number(outline) < 9) style.outlineLevel = Number(outline);
    byId.set(id, style);
    const isDefault = s.attrs['w:default'];
    if (isDefault === '1' || isDefault === 'true' || isDefault === 'on') defaultId ??= id;
  }
  return { byId, defaultId };
}

/** Resolves paragraph styles to roles: by id, then name, then the theme's names, the style it is based on, its outline level. */
export class StyleResolver {
  private readonly cache = new Map<string, StyleRole>();

  constructor(
    private readonly styles: { byId: Map<string, DocxStyle>; defaultId?: string },
    /** Extra names from the project's themes (Word id or display name → role). */
    private readonly extra: ReadonlyMap<string, StyleRole> = new Map(),
  ) {}

  /** The style a paragraph without `w:pStyle` has. */
  get defaultId(): string | undefined {
    return this.styles.defaultId;
  }

  /** The display name of a style id, for messages. */
  name(id: string): string {
    return this.styles.byId.get(id)?.name ?? id;
  }

  numbered(id: string): boolean {
    return this.styles.byId.get(id)?.numbered ?? false;
  }

  role(id: string | undefined): StyleRole {
    const key = id ?? this.styles.defaultId ?? 'Normal';
    let r = this.cache.get(key);
    if (!r) {
      r = this.resolve(key, new Set());
      this.cache.set(key, r);
    }
    return r;
  }

  private byName(name: string): StyleRole | undefined {
    const n = normalize(name);
    // A theme's style without a role is furniture unless the name is one jianbao knows (附件说明续).
    const themed = this.extra.get(n);
    return themed?.role === 'furniture' ? (KNOWN[n] ?? themed) : (themed ?? KNOWN[n]);
  }

  private resolve(id: string, seen: Set<string>): StyleRole {
    const style = this.styles.byId.get(id);
    const direct = this.byName(id) ?? (style ? this.byName(style.name) : undefined);
    if (direct) return direct;
    if (!style) return { role: 'unknown' };
    // A heading style's outline level says so, whatever it is called (WPS ids are numbers).
    if (style.outlineLevel !== undefined) return { role: 'heading', level: Math.min(style.outlineLevel + 1, 4) };
    if (style.basedOn && !seen.has(style.basedOn)) {
      seen.add(id);
      const parent = this.resolve(style.basedOn, seen);
      // A style based on Normal is its own thing: an unknown style, not body text.
      if (parent.role !== 'body' && parent.role !== 'unknown') return parent;
    }
    return { role: 'unknown' };
  }
}
