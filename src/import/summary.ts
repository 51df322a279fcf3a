import type { Diagnostic } from '../diagnostics/index.js';
import type { ImportedArticle, ImportedBlock, ImportedSection } from './article.js';

/** What the importer recognised, for the person running it. */
export interface ImportSummary {
  file: string;
  format: 'text' | 'html';
  encoding: string;
  title?: string;
  /** A title the source breaks over lines. */
  titleLines?: string[];
  kicker?: string;
  subtitle?: string;
  column?: string;
  date?: string;
  source?: string;
  author?: string;
  /** Length of the editor's note in characters, when there is one. */
  editorNote?: number;
  /** The attachments' titles (附件说明). */
  attachments?: string[];
  sections: SectionSummary[];
  counts: {
    /** Sections by depth: [depth 1, depth 2, depth 3, depth 4]. */
    sections: number[];
    paragraphs: number;
    /** Paragraphs before the first section. */
    intro: number;
    /** Paragraphs after the last section. */
    closing: number;
    tables: number;
    lists: number;
  };
  /** Lines dropped on purpose, with their source line. */
  furniture: { what: string; text: string; line: number }[];
  /** Lines and elements that could not be placed (each also a `warning[unplaced]`). */
  unplaced: number;
  punctuation: {
    /** False with --keep-punctuation. */
    normalised: boolean;
    changes: number;
    byKind: Record<string, number>;
    /** What --ranges asked for. */
    ranges: 'keep' | 'dash' | 'tilde';
    /** Numeric ranges reported (or, with --ranges=dash|tilde, changed). */
    rangeCount: number;
    /** Unpaired brackets and quotes. */
    unbalanced: number;
  };
}

export interface SectionSummary {
  heading: string;
  paragraphs: number;
  tables: number;
  lists: number;
  sections: SectionSummary[];
}

function isSection(b: ImportedBlock): b is ImportedSection {
  return typeof b === 'object' && 'heading' in b;
}

export function summariseSections(body: ImportedBlock[]): SectionSummary[] {
  return body.filter(isSection).map((s) => ({
    heading: s.heading,
    paragraphs: s.body.filter((b) => typeof b === 'string').length,
    tables: s.body.filter((b) => typeof b === 'object' && 'table' in b).length,
    lists: s.body.filter((b) => typeof b === 'object' && 'list' in b).length,
    sections: summariseSections(s.body),
  }));
}

export function countBlocks(article: ImportedArticle, closing: number): ImportSummary['counts'] {
  const sections = [0, 0, 0, 0];
  let paragraphs = 0;
  let tables = 0;
  let lists = 0;
  const walk = (body: ImportedBlock[], depth: number) => {
    for (const b of body) {
      if (typeof b === 'string') paragraphs++;
      else if ('table' in b) tables++;
      else if ('list' in b) lists++;
      else {
        sections[Math.min(depth, 3)]!++;
        walk(b.body, depth + 1);
      }
    }
  };
  walk(article.body, 0);
  const firstSection = article.body.findIndex((b) => isSection(b));
  const intro = (firstSection < 0 ? article.body : article.body.slice(0, firstSection)).filter((b) => typeof b === 'string').length;
  return { sections, paragraphs, intro: firstSection < 0 ? 0 : intro, closing, tables, lists };
}

/** `', ' → '，' 108` lines, most frequent first. */
export function kindsByCount(byKind: Record<string, number>): [string, number][] {
  return Object.entries(byKind).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Dropped lines that a page has many of in a row (menus, footers), and the report prints as one. */
const GROUPED = /^(?:navigation|page head above the title|page header|page tail|page footer|WeChat mark|hidden by the page)/;

/** Runs of the same kind of dropped line, each run one row of the report. */
function groupFurniture(list: ImportSummary['furniture']): { what: string; items: ImportSummary['furniture'] }[] {
  const groups: { what: string; items: ImportSummary['furniture'] }[] = [];
  for (const f of list) {
    const last = groups[groups.length - 1];
    if (last && last.what === f.what && GROUPED.test(f.what)) last.items.push(f);
    else groups.push({ what: f.what, items: [f] });
  }
  return groups;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The report `jianbao import` prints: what was found, then the section tree. */
export function formatSummary(s: ImportSummary, diagnostics: readonly Diagnostic[]): string {
  const out: string[] = [];
  const row = (label: string, value: string) => out.push(`  ${label.padEnd(15)}${value}`);
  const missing = '(not found)';
  out.push(`imported ${s.file} (${s.format}, ${s.encoding})`);
  row('title', s.title ?? missing);
  if (s.titleLines) row('title lines', s.titleLines.join(' / '));
  if (s.kicker) row('kicker', s.kicker);
  if (s.subtitle) row('subtitle', s.subtitle);
  row('column', s.column ?? missing);
  row('date', s.date ?? missing);
  row('source', s.source ?? missing);
  if (s.author) row('author', s.author);
  row("editor's note", s.editorNote ? `yes, ${s.editorNote} characters` : 'none');
  const c = s.counts;
  const depths = c.sections.map((n, k) => (n ? `${n} at level ${k + 1}` : '')).filter(Boolean).join(', ') || 'none';
  const extra = [c.tables ? `${c.tables} tables` : '', c.lists ? `${c.lists} lists` : ''].filter(Boolean).join(', ');
  row('body', `sections: ${depths}; ${c.paragraphs} paragraphs (${c.intro} before the first section, ${c.closing} closing)${extra ? `; ${extra}` : ''}`);
  const tree = (list: SectionSummary[], indent: string) => {
    list.forEach((sec, k) => {
      const parts = [`${sec.paragraphs} ¶`, sec.tables ? `${sec.tables} table` : '', sec.lists ? `${sec.lists} list` : '', sec.sections.length ? `${sec.sections.length} sub` : ''];
      out.push(`${indent}${k + 1}. ${sec.heading}  [${parts.filter(Boolean).join(', ')}]`);
      tree(sec.sections, indent + '   ');
    });
  };
  if (s.attachments) row('attachments', s.attachments.join('; '));
  if (s.sections.length > 0) {
    out.push('  sections');
    tree(s.sections, '    ');
  }
  if (s.furniture.length > 0) {
    out.push(`  furniture      ${s.furniture.length} lines or elements that are not body text:`);
    for (const g of groupFurniture(s.furniture)) {
      const lines = g.items.length === 1 ? `line ${g.items[0]!.line}` : `lines ${g.items[0]!.line}–${g.items[g.items.length - 1]!.line}`;
      const texts = g.items.map((f) => f.text).filter((t) => t !== '');
      const shown = g.items.length === 1 ? texts[0] ?? '' : clip(texts.join(' · '), 80);
      out.push(`    ${lines}: ${g.what}${g.items.length > 1 ? ` (${g.items.length})` : ''}${shown ? `  ${shown}` : ''}`);
    }
  }
  const p = s.punctuation;
  if (!p.normalised) row('punctuation', 'kept as it is (--keep-punctuation)');
  else {
    row('punctuation', `${p.changes} changes (GB/T 15834)${p.changes ? ':' : ''}`);
    for (const [kind, n] of kindsByCount(p.byKind)) out.push(`    ${kind}  ${n}`);
  }
  if (p.rangeCount) {
    row('ranges', `${p.rangeCount} numeric range${p.rangeCount === 1 ? '' : 's'} ${p.ranges === 'keep' ? 'reported and left as written (--ranges=dash|tilde changes them)' : `joined with ${p.ranges === 'dash' ? "'—'" : "'～'"}`}`);
  }
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  row('problems', `${s.unplaced} unplaced, ${p.unbalanced} unbalanced, ${warnings} warning${warnings === 1 ? '' : 's'} in all`);
  return out.join('\n');
}
