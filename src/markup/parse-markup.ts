import { SaxesParser, type SaxesTag } from 'saxes';
import { diag, DiagnosticError, didYouMean, parsePos, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { assertNever, inlineText, type Block, type DocMeta, type Furniture, type FurnitureLooks, type Inline } from '../ir/index.js';
import { formatCount, LIMITS } from '../limits.js';
import { BLOCK_ELEMENTS, FURNITURE_ELEMENTS, INLINE_ELEMENTS, VOCABULARY, type BlockElement, type FurnitureElement } from './vocabulary.js';

/** A parsed element tree node, with its position in the generated markup. */
interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
  line: number;
  column: number;
}

export interface ParsedMarkup {
  meta: DocMeta;
  furniture: Furniture;
  blocks: Block[];
}

export interface MarkupContext {
  /** The template that produced the markup, named in errors. */
  templateFile: string;
  /** Template source, to point an error at the line that emits the element. */
  templateSource: string;
  /** Style names the theme defines. */
  styles: readonly string[];
  /** The look the theme gives each kind of page furniture; an element the theme gives none is an error. */
  furniture: FurnitureLooks;
}

/** Parses markup strictly into IR blocks; every problem is a diagnostic naming the template. */
export function parseMarkup(markup: string, ctx: MarkupContext): ParsedMarkup {
  const diagnostics: Diagnostic[] = [];
  const root = parseXml(markup, ctx, diagnostics);
  if (!root) throw new DiagnosticError(diagnostics);
  const builder = new IrBuilder(ctx, diagnostics);
  const result = builder.document(root);
  if (diagnostics.some((d) => d.severity === 'error')) throw new DiagnosticError(diagnostics);
  return result;
}

function parseXml(markup: string, ctx: MarkupContext, diagnostics: Diagnostic[]): El | undefined {
  const parser = new SaxesParser({ position: true });
  const stack: El[] = [];
  let root: El | undefined;
  parser.on('error', (e) => {
    diagnostics.push(markupDiag(ctx, `malformed markup: ${e.message.replace(/^.*?:\d+:\d+: /, '')}`, parser.line, parser.column));
  });
  let elements = 0;
  parser.on('opentag', (tag: SaxesTag) => {
    // A bound on the document the template made: checked as it is parsed, so a runaway one stops here.
    if (++elements > LIMITS.markupElements.value) {
      diagnostics.push({ ...markupDiag(ctx, `the template makes more than ${formatCount(LIMITS.markupElements.value)} elements for this content`, parser.line, parser.column), rule: LIMITS.markupElements.rule });
      throw new RangeError('markup element limit'); // stops the parse; caught below
    }
    const el: El = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], line: parser.line, column: parser.column };
    if (stack.length === 0) root = el;
    else stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => {
    if (stack.length > 0) stack[stack.length - 1]!.children.push(t);
  });
  try {
    parser.write(markup).close();
  } catch {
    // saxes reports through the error handler and may throw after it; the diagnostic is already kept.
  }
  return diagnostics.length > 0 ? undefined : root;
}

/** Points at the template line that emits `<name`, when exactly one does; else at the generated line. */
function markupDiag(ctx: MarkupContext, message: string, line: number, column: number, element?: string, at?: SourcePos): Diagnostic {
  const lines = ctx.templateSource.split('\n');
  const hits = element ? lines.flatMap((l, i) => (l.includes(`<${element}`) ? [i] : [])) : [];
  const hints = [`in the markup the template produced, line ${line}, column ${column}`];
  if (at) hints.push(`for the content at ${at.file}:${at.line}:${at.column}`);
  const pos = hits.length === 1 ? { file: ctx.templateFile, line: hits[0]! + 1, column: lines[hits[0]!]!.indexOf(`<${element}`) + 1 } : { file: ctx.templateFile, line: 1, column: 1 };
  return diag('error', 'markup', message, pos, hints);
}

/** Where each furniture element's look is, in the theme's `furniture` and the IR's. */
const FURNITURE_KEYS: Record<FurnitureElement, keyof Furniture> = { pagenumber: 'pageNumber', header: 'header', watermark: 'watermark' };

class IrBuilder {
  constructor(
    private readonly ctx: MarkupContext,
    private readonly diagnostics: Diagnostic[],
  ) {}

  document(root: El): ParsedMarkup {
    if (root.name !== 'doc') this.error(root, `the markup must start with <doc>, not <${root.name}>`);
    this.checkAttrs(root);
    const a = root.attrs;
    const meta: DocMeta = { title: a.title ?? '', date: a.date ?? '', lang: a.lang ?? 'zh-CN' };
    if (a.author) meta.author = a.author;
    if (a.subject) meta.subject = a.subject;
    if (a.keywords) meta.keywords = a.keywords;
    const furniture: Furniture = {};
    const blocks = this.blocks(root, furniture);
    this.checkReferences();
    return { meta, furniture, blocks };
  }

  /** Ids (`<p id>`, `<heading id>`) and the entries that refer to them (`<entry ref>`), for the check after parsing. */
  private readonly ids = new Map<string, El>();
  private readonly refs: El[] = [];

  /** Every `<entry ref>` names an id of the document: a page reference to nothing would print no number. */
  private checkReferences(): void {
    const known = [...this.ids.keys()];
    for (const el of this.refs) {
      const ref = el.attrs.ref ?? '';
      if (this.ids.has(ref)) continue;
      const guess = didYouMean(ref, known);
      this.error(el, `<entry ref="${ref}"> names no block: give the block it refers to \`id="${ref}"\`${guess ? `; did you mean \`${guess}\`?` : ''}`);
    }
  }

  /** A block's `id`, unique in the document. */
  private anchor(el: El): { id?: string } {
    const id = el.attrs.id;
    if (id === undefined) return {};
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(id)) this.error(el, `id ${JSON.stringify(id)} must start with a letter and hold only letters, digits, _ and - (at most 64)`);
    else if (this.ids.has(id)) this.error(el, `id \`${id}\` is given twice`);
    else this.ids.set(id, el);
    return { id };
  }

  /** Page furniture: the element's text, with the theme's look for it (`furniture.<key>` of the theme). */
  private furniture(el: El, into: Furniture): void {
    this.checkAttrs(el);
    const name = el.name as FurnitureElement;
    const key = FURNITURE_KEYS[name];
    if (into[key]) return this.error(el, `<${name}> appears twice`);
    const looks = this.ctx.furniture;
    if (!looks[key]) return this.error(el, `the theme gives <${name}> no look: add \`furniture.${key}\` to it`);
    switch (name) {
      case 'pagenumber':
        into.pageNumber = looks.pageNumber;
        return;
      case 'header':
        into.header = { text: inlineText(this.inlines(el)), style: looks.header!.style };
        return;
      case 'watermark':
        into.watermark = { text: inlineText(this.inlines(el)), ...looks.watermark! };
        return;
      default:
        assertNever(name, 'furniture element');
    }
  }

  private blocks(parent: El, furniture?: Furniture): Block[] {
    const out: Block[] = [];
    for (const child of parent.children) {
      if (typeof child === 'string') {
        if (child.trim()) this.error(parent, `text directly inside <${parent.name}>: put it in a <p>`);
        continue;
      }
      if ((FURNITURE_ELEMENTS as readonly string[]).includes(child.name)) {
        if (furniture) this.furniture(child, furniture);
        else this.error(child, `<${child.name}> is page furniture: put it directly inside <doc>`);
        continue;
      }
      if (!(BLOCK_ELEMENTS as readonly string[]).includes(child.name)) {
        this.error(child, `<${child.name}> is not a block element here; expected one of ${BLOCK_ELEMENTS.join(', ')}`);
        continue;
      }
      // A contents entry belongs to a contents list, and a list to the document itself.
      if (child.name === 'entry' && parent.name !== 'contents') {
        this.error(child, `<entry> is a line of a contents list: put it inside <contents>`);
        continue;
      }
      if (child.name === 'contents' && parent.name !== 'doc') {
        this.error(child, `<contents> is a list of the document: put it directly inside <doc>`);
        continue;
      }
      out.push(this.block(child));
    }
    return out;
  }

  /** The IR block of a block element: every element of BLOCK_ELEMENTS has its case. */
  private block(el: El): Block {
    this.checkAttrs(el);
    const at = el.attrs.at ? parsePos(el.attrs.at) : undefined;
    const located = <T extends object>(b: T): T => (at ? { ...b, at } : b);
    const name = el.name as BlockElement;
    switch (name) {
      case 'p': {
        const lines = el.children.filter((c): c is El => typeof c !== 'string' && c.name === 'line');
        const block = located({ kind: 'paragraph' as const, style: this.style(el), ...this.anchor(el), inlines: this.inlines(el, ['line']) });
        if (lines.length > 0) {
          return { ...block, lines: lines.map((l) => plain(this.inlines(l))), inlines: [{ kind: 'text', text: lines.map((l) => plain(this.inlines(l))).join('') }] };
        }
        return block;
      }
      case 'heading': {
        const level = Number(el.attrs.level);
        if (!Number.isInteger(level) || level < 1 || level > 9) this.error(el, `heading level must be 1 to 9, got ${JSON.stringify(el.attrs.level)}`);
        const h = located({ kind: 'heading' as const, style: this.style(el), level, ...this.anchor(el), inlines: this.inlines(el) });
        return el.attrs.number ? { ...h, number: el.attrs.number } : h;
      }
      case 'table': {
        const rows = this.childrenNamed(el, 'tr');
        const header = rows.filter((r) => r.attrs.header === 'true').map((r) => this.childrenNamed(r, 'td').map((td) => this.inlines(td)));
        const body = rows.filter((r) => r.attrs.header !== 'true').map((r) => this.childrenNamed(r, 'td').map((td) => this.inlines(td)));
        const caption = this.childrenNamed(el, 'caption')[0];
        const t = located({ kind: 'table' as const, style: this.style(el), rows: body });
        return { ...t, ...(header[0] ? { header: header[0] } : {}), ...(caption ? { caption: this.inlines(caption) } : {}) };
      }
      case 'image': {
        const caption = this.childrenNamed(el, 'caption')[0];
        // No width: the renderers size the picture by the theme's rule (flow.figureHeight).
        const width = el.attrs.width ? Number(el.attrs.width) : undefined;
        if (width !== undefined && !(width > 0 && width <= 1)) this.error(el, `image width is a fraction of the text block, 0 to 1; got ${el.attrs.width}`);
        const i = located({ kind: 'image' as const, path: el.attrs.path ?? '', ...(width !== undefined ? { width } : {}) });
        return caption ? { ...i, caption: this.inlines(caption) } : i;
      }
      case 'list':
        return located({ kind: 'list' as const, style: this.style(el), ordered: el.attrs.ordered === 'true', items: this.childrenNamed(el, 'item').map((i) => this.inlines(i)) });
      case 'rule':
        return located({
          kind: 'rule' as const,
          color: el.attrs.color ?? '#000000',
          weight: this.number(el, 'weight', 1),
          spaceBefore: this.number(el, 'before', 0),
          spaceAfter: this.number(el, 'after', 0),
        });
      case 'split': {
        const left = this.childrenNamed(el, 'left')[0];
        const right = this.childrenNamed(el, 'right')[0];
        return located({ kind: 'splitLine' as const, style: this.style(el), left: left ? this.inlines(left) : [], right: right ? this.inlines(right) : [] });
      }
      case 'foot':
        return located({ kind: 'foot' as const, blocks: this.blocks(el) });
      case 'pagebreak':
        return { kind: 'pageBreak' };
      case 'contents':
        return located({ kind: 'contents' as const, blocks: this.blocks(el) });
      case 'entry':
        this.refs.push(el);
        return located({ kind: 'contentsEntry' as const, style: this.style(el), inlines: this.inlines(el), target: el.attrs.ref ?? '' });
      default:
        return assertNever(name, 'block element');
    }
  }

  private inlines(el: El, allowedBlocks: readonly string[] = [], mark: { emphasis?: boolean; strong?: boolean } = {}): Inline[] {
    const spec = VOCABULARY[el.name];
    const out: Inline[] = [];
    for (const child of el.children) {
      if (typeof child === 'string') {
        const text = child.replace(/[ \t\r\n]+/g, ' ');
        if (text) out.push({ kind: 'text', text, ...mark });
        continue;
      }
      if (allowedBlocks.includes(child.name)) continue;
      if (spec?.content === 'inline' && (INLINE_ELEMENTS as readonly string[]).includes(child.name)) {
        this.checkAttrs(child);
        if (child.name === 'br') out.push({ kind: 'lineBreak' });
        else out.push(...this.inlines(child, [], { ...mark, [child.name === 'em' ? 'emphasis' : 'strong']: true }));
        continue;
      }
      if (Array.isArray(spec?.content) && spec.content.includes(child.name)) continue;
      this.error(child, `<${child.name}> is not allowed inside <${el.name}>`);
    }
    return trimInlines(out);
  }

  private childrenNamed(el: El, name: string): El[] {
    const spec = VOCABULARY[el.name]!;
    const out: El[] = [];
    for (const c of el.children) {
      if (typeof c === 'string') {
        if (c.trim() && spec.content !== 'inline') this.error(el, `text directly inside <${el.name}>`);
        continue;
      }
      if (Array.isArray(spec.content) && !spec.content.includes(c.name)) this.error(c, `<${c.name}> is not allowed inside <${el.name}>; expected ${spec.content.join(', ')}`);
      else if (c.name === name) {
        this.checkAttrs(c);
        out.push(c);
      }
    }
    return out;
  }

  private style(el: El): string {
    const name = el.attrs.style ?? '';
    if (!this.ctx.styles.includes(name)) {
      const guess = didYouMean(name, this.ctx.styles);
      this.error(el, `unknown style \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''}`);
    }
    return name;
  }

  private number(el: El, attr: string, fallback: number): number {
    const v = el.attrs[attr];
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n)) this.error(el, `${attr} must be a number, got ${JSON.stringify(v)}`);
    return n;
  }

  private checkAttrs(el: El): void {
    const spec = VOCABULARY[el.name];
    if (!spec) {
      const guess = didYouMean(el.name, Object.keys(VOCABULARY));
      this.error(el, `unknown element <${el.name}>${guess ? `; did you mean <${guess}>?` : ''}`);
      return;
    }
    for (const a of Object.keys(el.attrs)) if (!spec.attrs.includes(a)) this.error(el, `<${el.name}> has no attribute \`${a}\`; it takes ${spec.attrs.join(', ') || 'none'}`);
    for (const a of spec.required ?? []) if (!(a in el.attrs)) this.error(el, `<${el.name}> needs the attribute \`${a}\``);
  }

  private error(el: El, message: string): void {
    const at = el.attrs.at ? parsePos(el.attrs.at) : undefined;
    this.diagnostics.push(markupDiag(this.ctx, message, el.line, el.column, el.name, at));
  }
}

function plain(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}

/** Template indentation around inline content is not content: trim the outer ends only. */
function trimInlines(inlines: Inline[]): Inline[] {
  const first = inlines[0];
  if (first?.kind === 'text') first.text = first.text.replace(/^[ \t\r\n]+/, '');
  const last = inlines[inlines.length - 1];
  if (last?.kind === 'text') last.text = last.text.replace(/[ \t\r\n]+$/, '');
  return inlines.filter((i) => i.kind !== 'text' || i.text !== '');
}
