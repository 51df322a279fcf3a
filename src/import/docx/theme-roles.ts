import fs from 'node:fs';
import path from 'node:path';
import { readYamlData } from '../../content/read-yaml.js';
import { normalize, type Role, type StyleRole } from './styles.js';

/** Roles of the theme's style keys: the names templates use for what each paragraph is. */
const KEY_ROLES: Record<string, Role> = {
  title: 'title',
  subtitle: 'subtitle',
  column: 'column',
  editorNote: 'editorNote',
  issueNote: 'issueNote',
  author: 'author',
  body: 'body',
  listItem: 'listItem',
  caption: 'caption',
  tableCell: 'tableText',
  source: 'source',
  date: 'date',
};

/**
 * Word style ids and names of every `templates/*.theme.yaml`, mapped to roles by their theme key,
 * so a layout that renames a Word style still imports. Keys that are not content (masthead, end
 * block, page number) are furniture. A theme that does not parse is skipped: the build reports it.
 */
export function themeStyleRoles(templatesDir: string): Map<string, StyleRole> {
  const out = new Map<string, StyleRole>();
  let files: string[];
  try {
    files = fs.readdirSync(templatesDir).filter((f) => f.endsWith('.theme.yaml')).sort();
  } catch {
    return out;
  }
  for (const f of files) {
    // The content reader: bounded, a regular file (a pipe named *.theme.yaml is skipped, not waited on), no alias cycles.
    const styles = (readYamlData(path.join(templatesDir, f), f).data as { styles?: unknown } | undefined)?.styles;
    if (!styles || typeof styles !== 'object') continue;
    for (const [key, value] of Object.entries(styles as Record<string, unknown>)) {
      if (!value || typeof value !== 'object') continue;
      const heading = /^h([1-9])$/.exec(key);
      const role: StyleRole = heading ? { role: 'heading', level: Math.min(Number(heading[1]), 4) } : { role: KEY_ROLES[key] ?? 'furniture' };
      for (const name of [(value as { word?: unknown }).word, (value as { name?: unknown }).name]) {
        if (typeof name === 'string' && !out.has(normalize(name))) out.set(normalize(name), role);
      }
    }
  }
  return out;
}
