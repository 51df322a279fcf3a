import type { SourcePos } from '../diagnostics/index.js';
import type { Article, Positioned } from './model.js';

/**
 * A bulletin issue (简报的一期): what an editor writes in `content/bulletins/<slug>.yaml`.
 * It names its articles; the loader resolves and loads them, so the model holds whole articles.
 */
export interface Bulletin extends Positioned {
  kind: 'bulletin';
  /** Absolute path of the YAML file. */
  file: string;
  slug: string;
  /** The series name (`bulletin:`), e.g. 工作简报. */
  series: string;
  /** 第N期: the number within the series, or within its supplements (增刊) when `supplement`. */
  issue: number;
  /** 总第N期, when the series counts all its issues. */
  totalIssue?: number;
  /** 增刊: numbered on its own, apart from the regular issues. */
  supplement: boolean;
  /** 编印单位 */
  publisher: string;
  /** YYYY-MM-DD */
  date: string;
  /** 密级 or 内部资料 注意保存, top left of page 1. */
  classification?: string;
  /** 份号, top right of page 1, as written (leading zeros kept). */
  copyNumber?: string;
  /** The issue's own 编者按. */
  editorNote?: string;
  columns: BulletinColumn[];
  /** 报/送/发 lines of the end block, in that order; empty lists are dropped. */
  distribution: DistributionLine[];
  /** 共印N份 */
  copies: number;
  layouts?: string[];
  /** Where each of `layouts` is written, for an error about one. */
  layoutsPos?: SourcePos[];
  draft?: boolean;
  /** Positions of top-level fields, for diagnostics. */
  fieldPos: Partial<Record<string, SourcePos>>;
}

export interface BulletinColumn extends Positioned {
  /** 栏目, e.g. 他山之石 */
  name: string;
  articles: BulletinArticle[];
}

/** An article as placed in an issue: the loaded article and where the issue named it. */
export interface BulletinArticle {
  /** The reference as written in the issue file (a slug or a path). */
  ref: string;
  refPos: SourcePos;
  article: Article;
}

export const DISTRIBUTION_LABELS = ['报', '送', '发'] as const;
export type DistributionLabel = (typeof DISTRIBUTION_LABELS)[number];

export interface DistributionLine extends Positioned {
  label: DistributionLabel;
  recipients: string[];
}

/** Every article of an issue in reading order. */
export function bulletinArticles(b: Bulletin): BulletinArticle[] {
  return b.columns.flatMap((c) => c.articles);
}
