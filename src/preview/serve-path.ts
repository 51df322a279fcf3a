import fs from 'node:fs';
import path from 'node:path';
import { placeInside } from '../io/inside-root.js';

/**
 * The file a request path names inside `root`, or why not: the path policy of the preview
 * server. Every segment is decoded and must be a plain name (no `..`, `.`, empty, NUL, slash or
 * backslash), and the file must lie inside the root as the path policy places it (src/io:
 * also through symbolic links) and be a regular file. Nothing outside the root is ever served.
 */
export function fileInside(root: string, urlPath: string): { file: string } | { status: 400 | 403 | 404 } {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    if (raw === '') continue;
    let s: string;
    try {
      s = decodeURIComponent(raw);
    } catch {
      return { status: 400 };
    }
    if (s === '.' || s === '..' || /[\0/\\]/.test(s)) return { status: 403 };
    segments.push(s);
  }
  if (segments.length === 0) return { status: 404 };
  const placed = placeInside(root, segments.join('/'));
  if (!placed.ok) return { status: 403 };
  if (placed.real === undefined) return { status: 404 };
  try {
    if (!fs.statSync(placed.real).isFile()) return { status: 404 };
  } catch {
    return { status: 404 };
  }
  return { file: placed.real };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.zip': 'application/zip',
  '.ofd': 'application/ofd',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a served file, by its extension (SHA256SUMS is text). */
export function contentType(file: string): string {
  if (path.basename(file) === 'SHA256SUMS') return 'text/plain; charset=utf-8';
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
