import type { SourcePos } from '../diagnostics/index.js';

/**
 * The content model: what an editor writes in `content/articles/<slug>.yaml`.
 * It knows nothing of pages. Every node keeps the position of the YAML it came from,
 * so an error found while rendering still points back at the content file.
 */
export interface Positioned {
  pos: SourcePos;
}

/** Inline text: a plain string in YAML. */
export interface Paragraph extends Positioned {
  kind: 'paragraph';
  text: string;
}

export interface Section extends Positioned {
  kind: 'section';
  heading: string;
  /** 1 to 4; numbering (一、 （一） 1. （1）) is the template's job, never the content's. */
  level: number;
  body: Block[];
}

export interface Table extends Positioned {
  kind: 'table';
  caption?: string;
  header?: string[];
  rows: string[][];
}

export interface Image extends Positioned {
  kind: 'image';
  /** As written, relative to the content file. */
  src: string;
  /** Absolute path, resolved and checked to stay inside the content folder. */
  path: string;
  caption?: string;
  /** Width as a share of the text block's, when the content sets it. */
  width?: number;
}

export interface List extends Positioned {
  kind: 'list';
  ordered: boolean;
  items: string[];
}

export type Block = Paragraph | Section | Table | Image | List;

export interface Article extends Positioned {
  kind: 'article';
  /** Absolute path of the YAML file. */
  file: string;
  slug: string;
  title: string;
  /** Fixed title line breaks, when the editor wants them. */
  titleLines?: string[];
  /** 引题: a news title's lead line, printed above it (引题 / 主题 / 副题). */
  kicker?: string;
  subtitle?: string;
  column?: string;
  /** YYYY-MM-DD */
  date: string;
  source?: string;
  author?: string;
  editorNote?: string;
  /** 附件说明: the titles of the document's attachments, in order, printed after its body. */
  attachments?: string[];
  /** Layouts to build by default; all article layouts when absent. */
  layouts?: string[];
  draft?: boolean;
  body: Block[];
  /** Positions of top-level fields, for diagnostics on e.g. the title. */
  fieldPos: Partial<Record<string, SourcePos>>;
}
