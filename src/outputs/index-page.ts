import { findFormat, outputFormats } from '../render/registry.js';
import type { Manifest, ManifestEntry } from './manifest.js';

export const INDEX_FILE = 'index.html';

/** A release file besides the outputs (issue zips, the archive, SHA256SUMS), relative to out/. */
export interface ReleaseFile {
  path: string;
  bytes?: number;
  /** The content file it belongs to, for an issue zip. */
  source?: string;
}

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A relative href: each path segment percent-encoded, so a Chinese file name works from disk. */
const href = (rel: string): string => rel.split('/').map(encodeURIComponent).join('/');

const labelOf = (format: string): string => findFormat(format)?.label ?? format.toUpperCase();

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * `out/index.html`: every artifact grouped by content file, with page-1 previews, page counts,
 * sizes and links. Plain HTML with inline CSS and relative links only, so it works opened from
 * disk, from a CI artifact or inside the release archive, and never loads anything remote.
 */
export function indexPage(manifest: Manifest, release: { name?: string; files: ReleaseFile[] } = { files: [] }): string {
  const groups = new Map<string, ManifestEntry[]>();
  // By content file; in each, the outputs of its default layouts (as their themes say) before the
  // others, each layout's formats in the registry's order (PDF before DOCX), and the print sheets
  // of imposed layouts last: bulletin, booklet, print sheets.
  const formats = outputFormats();
  const formatRank = (e: ManifestEntry) => {
    const i = formats.findIndex((f) => f.name === e.format);
    return i < 0 ? formats.length : i;
  };
  const order = (e: ManifestEntry) => `${e.imposed ? 1 : 0}${e.defaultLayout ? 0 : 1}\u0000${e.layout}\u0000${String(formatRank(e)).padStart(3, '0')}${e.format}\u0000${e.path}`;
  for (const e of manifest.outputs) groups.set(e.source, [...(groups.get(e.source) ?? []), e]);
  for (const list of groups.values()) list.sort((a, b) => (order(a) < order(b) ? -1 : 1));
  // Counted by format, for the formats with a page-1 preview (the pages people look at first).
  const counts = formats.filter((f) => f.preview).map((f) => `${manifest.outputs.filter((e) => e.format === f.name).length} ${f.label}`);
  const total = manifest.outputs.reduce((s, e) => s + e.bytes, 0);

  const sections = [...groups].map(([source, entries]) => {
    const title = entries.find((e) => e.title)?.title ?? source;
    const zips = release.files.filter((f) => f.source === source);
    const cards = entries.map((e) => {
      const preview = e.preview
        ? `<a href="${href(e.path)}"><img src="${href(e.preview)}" alt="${escape(`${title}: page 1 of ${e.path}`)}" loading="lazy"></a>`
        : `<a class="noimg" href="${href(e.path)}">${escape(labelOf(e.format))}</a>`;
      const facts = [e.layout, labelOf(e.format), e.imposed ? 'print sheets' : undefined, e.pages !== undefined ? `${e.pages} page${e.pages === 1 ? '' : 's'}` : undefined, formatBytes(e.bytes)].filter(Boolean);
      return `<figure class="artifact" data-format="${escape(e.format)}">${preview}<figcaption><a href="${href(e.path)}">${escape(e.path)}</a><br><span class="facts">${escape(facts.join(' · '))}</span><br><code title="sha256">${escape(e.sha256.slice(0, 16))}…</code></figcaption></figure>`;
    });
    const zipLinks = zips.map((z) => `<li><a href="${href(z.path)}">${escape(z.path)}</a>${z.bytes !== undefined ? ` (${escape(formatBytes(z.bytes))})` : ''}</li>`);
    return [
      `<section>`,
      `<h2>${escape(title)}</h2>`,
      `<p class="source">${escape(source)}</p>`,
      `<div class="artifacts">${cards.join('')}</div>`,
      zipLinks.length > 0 ? `<ul class="zips">${zipLinks.join('')}</ul>` : '',
      `</section>`,
    ].join('\n');
  });

  const others = release.files.filter((f) => !f.source);
  const releaseList =
    others.length > 0
      ? `<section><h2>Release${release.name ? ` ${escape(release.name)}` : ''}</h2><ul>${others
          .map((f) => `<li><a href="${href(f.path)}">${escape(f.path)}</a>${f.bytes !== undefined ? ` (${escape(formatBytes(f.bytes))})` : ''}</li>`)
          .join('')}</ul></section>`
      : '';

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(release.name ? `${release.name}: jianbao outputs` : 'jianbao outputs')}</title>
<style>
body { font: 15px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 0; }
.source { color: #666; margin: 0 0 .5rem; font-family: monospace; }
.artifacts { display: flex; flex-wrap: wrap; gap: 1rem; }
.artifact { margin: 0; width: 240px; }
.artifact img { width: 240px; border: 1px solid #bbb; box-shadow: 0 1px 4px #0002; display: block; background: #fff; }
.noimg { display: flex; align-items: center; justify-content: center; width: 240px; height: 64px; border: 1px dashed #bbb; color: #555; text-decoration: none; font-weight: bold; }
figcaption { font-size: .85rem; word-break: break-all; margin-top: .3rem; }
.facts { color: #444; } code { color: #777; }
</style>
</head>
<body>
<h1>${escape(release.name ? `Release ${release.name}` : 'Build outputs')}</h1>
<p>${manifest.outputs.length} files${counts.length > 0 ? ` (${counts.join(', ')})` : ''} · ${escape(formatBytes(total))} · <a href="manifest.json">manifest.json</a> · <a href="SHA256SUMS">SHA256SUMS</a></p>
${sections.join('\n')}
${releaseList}
</body>
</html>
`;
}
