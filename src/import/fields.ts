import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import type { MappedText } from './mapped-text.js';
import type { PageMeta } from './page-meta.js';
import type { Recognised } from './recognised.js';

/**
 * Every value a page gives for a field, with where it came from and how far it is trusted:
 * 0 the page's tags, 1 the publication line, 2 a 信息公开 table, 3 a by-line, 4 the lines under the
 * article, 5 a newspaper's edition line. The most trusted wins (the first of equals); a value
 * that differs from the winner is reported, never silently lost.
 */
export type FieldName = 'date' | 'written' | 'source' | 'issuer' | 'author' | 'column';

export interface Candidate {
  text?: MappedText;
  /** For dates: YYYY-MM-DD. */
  date?: string;
  at: number;
  trust: number;
  /** Where it was, for the report: `<meta name="PubDate">`, `line 12`. */
  from: string;
}

export interface FieldBook {
  add(name: FieldName, c: Candidate): void;
  fromMeta(meta: PageMeta): void;
  /** Sets the winners on `r` and reports the rest. */
  resolve(r: Recognised): void;
}

const key = (t: string) => t.replace(/[\s\u3000\u00a0]+/g, '');

export function collectFields(locate: (offset: number) => SourcePos, d: Diagnostic[]): FieldBook {
  const book = new Map<FieldName, Candidate[]>();
  const value = (c: Candidate) => c.date ?? c.text?.text ?? '';
  const best = (name: FieldName): Candidate | undefined => {
    const list = book.get(name) ?? [];
    return [...list].sort((a, b) => a.trust - b.trust || a.at - b.at)[0];
  };
  const report = (name: string, chosen: Candidate, list: Candidate[]) => {
    const seen = new Set([key(value(chosen))]);
    for (const c of list) {
      const v = key(value(c));
      if (seen.has(v) || v === '') continue;
      seen.add(v);
      d.push(
        diag('warning', 'conflict', `${name} '${value(c)}' (${c.from}) differs from '${value(chosen)}' (${chosen.from}): keeping '${value(chosen)}'`, locate(c.at), [
          `change \`${name}:\` in the YAML if the other one is right`,
        ]),
      );
    }
  };
  return {
    add(name, c) {
      if (value(c) === '') return;
      const list = book.get(name) ?? [];
      list.push(c);
      book.set(name, list);
    },
    fromMeta(meta) {
      const at = (t: MappedText) => t.offsets[0] ?? 0;
      if (meta.date) this.add('date', { date: meta.date.date, at: at(meta.date.text), trust: 0, from: meta.date.from });
      if (meta.source) this.add('source', { text: meta.source.text, at: at(meta.source.text), trust: 0, from: meta.source.from });
      if (meta.author) this.add('author', { text: meta.author.text, at: at(meta.author.text), trust: 0, from: meta.author.from });
      if (meta.column) this.add('column', { text: meta.column.text, at: at(meta.column.text), trust: 0, from: meta.column.from });
    },
    resolve(r) {
      for (const name of ['source', 'author', 'column'] as const) {
        const chosen = best(name) ?? (name === 'source' ? best('issuer') : undefined);
        if (!chosen?.text) continue;
        r[name] = chosen.text;
        report(name, chosen, book.get(name) ?? []);
      }
      const published = best('date');
      const written = best('written');
      const date = published ?? written;
      if (date?.date) {
        r.date = { value: date.date, at: date.at };
        report('date', date, book.get('date') ?? []);
      }
      if (written?.date && !published) {
        d.push(diag('info', 'written-date', `no publication date (发布日期): date is the date the document was signed, ${written.date} (${written.from})`, locate(written.at)));
      } else if (written?.date && written.date !== date?.date) {
        d.push(
          diag('info', 'written-date', `成文日期 ${written.date} (${written.from}) is when the document was signed: date is the publication date (发布日期), ${date!.date}`, locate(written.at)),
        );
      }
    },
  };
}
