import fs from 'node:fs';
import path from 'node:path';
import { loadArticle, type Block } from '../../src/content/index.js';
import { tempDir } from '../support.js';

/** What a reader of an article gets, without source positions: what a round trip must give back. */
export interface ModelView {
  title: string;
  column?: string;
  subtitle?: string;
  date: string;
  source?: string;
  author?: string;
  editorNote?: string;
  body: unknown[];
}

function view(blocks: Block[]): unknown[] {
  return blocks.map((b) => {
    switch (b.kind) {
      case 'paragraph':
        return b.text;
      case 'section':
        return { level: b.level, heading: b.heading, body: view(b.body) };
      case 'table':
        return { table: { caption: b.caption, header: b.header, rows: b.rows } };
      case 'image':
        return { image: { src: b.src, caption: b.caption } };
      case 'list':
        return { list: b.items, ordered: b.ordered };
    }
  });
}

/** Loads a content file through the project's loader (validation included) and views its model. */
export function modelOf(file: string): ModelView {
  const a = loadArticle(file).value;
  const out: ModelView = { title: a.title, date: a.date, body: view(a.body) };
  for (const k of ['column', 'subtitle', 'source', 'author', 'editorNote'] as const) if (a[k] !== undefined) out[k] = a[k];
  return out;
}

/** Views the model of YAML meant to sit beside `beside`: written in a scratch project with a copy of its figures/. */
export function modelOfYaml(yaml: string, beside: string): ModelView {
  const dir = path.join(tempDir('jianbao-model-'), 'content/articles');
  fs.mkdirSync(dir, { recursive: true });
  const figures = path.join(path.dirname(beside), 'figures');
  if (fs.existsSync(figures)) fs.cpSync(figures, path.join(dir, 'figures'), { recursive: true });
  const file = path.join(dir, path.basename(beside));
  fs.writeFileSync(file, yaml);
  return modelOf(file);
}
