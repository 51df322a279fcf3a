import path from 'node:path';

/**
 * How a file is named in messages: relative to the working folder when inside it, else absolute.
 * The one definition, for content, themes, templates and out folders alike.
 */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, file);
  if (rel === '') return '.';
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
