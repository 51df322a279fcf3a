import { describe, expect, it } from 'vitest';
import { indexPage } from '../../src/outputs/index-page.js';
import type { ManifestEntry } from '../../src/outputs/manifest.js';

const entry = (layout: string, format: string, extra: Partial<ManifestEntry> = {}): ManifestEntry => ({
  source: 'content/bulletins/x.yaml',
  kind: 'bulletin',
  title: '示例简报 第1期',
  layout,
  format,
  path: `bulletins/x/${layout}${extra.imposed ? '-imposed' : ''}.${format}`,
  bytes: 1000,
  sha256: '0'.repeat(64),
  ...extra,
});

/** The output paths of the index page's cards, in the order it shows them. */
const cards = (html: string): string[] => [...html.matchAll(/<figcaption><a href="([^"]+)"/g)].map((m) => m[1]!);

describe('the index page', () => {
  it('lists an issue’s outputs as its themes and the registry order them: the default layout, the others, then print sheets; PDF before DOCX', () => {
    // In the manifest's order (by path), the booklet comes first.
    const outputs = [
      entry('booklet', 'docx'),
      entry('booklet', 'pdf', { imposed: true, preview: 'bulletins/x/booklet-imposed.preview.png' }),
      entry('booklet', 'pdf', { preview: 'bulletins/x/booklet.preview.png' }),
      entry('bulletin', 'docx', { defaultLayout: true }),
      entry('bulletin', 'pdf', { defaultLayout: true, preview: 'bulletins/x/bulletin.preview.png' }),
    ];
    expect(cards(indexPage({ generator: 'jianbao', outputs }))).toEqual([
      'bulletins/x/bulletin.pdf',
      'bulletins/x/bulletin.docx',
      'bulletins/x/booklet.pdf',
      'bulletins/x/booklet.docx',
      'bulletins/x/booklet-imposed.pdf',
    ]);
  });

  it('shows the print sheets’ own page 1', () => {
    const html = indexPage({ generator: 'jianbao', outputs: [entry('booklet', 'pdf', { imposed: true, preview: 'bulletins/x/booklet-imposed.preview.png' })] });
    expect(html).toContain('<img src="bulletins/x/booklet-imposed.preview.png"');
    expect(html).not.toContain('class="noimg"');
  });
});
