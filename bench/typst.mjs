// The seed through Typst (npm @myriaddreamin/typst-ts-node-compiler), for comparison: the same
// text on the same GB/T 9704 page with the same Noto faces from node_modules.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function typstAvailable() {
  try {
    require.resolve('@myriaddreamin/typst-ts-node-compiler');
    return true;
  } catch {
    return false;
  }
}

const FACES = [
  '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  '@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
];

/** A folder holding just the four faces the report uses (links to node_modules), for Typst's font path. */
export function typstFontDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of FACES) {
    const target = require.resolve(f);
    const link = path.join(dir, path.basename(f));
    if (!fs.existsSync(link)) fs.symlinkSync(target, link);
  }
  return dir;
}

const esc = (s) => String(s).replace(/[\\#*_`$<>@\[\]=\-+/~"']/g, (c) => `\\${c}`);

const NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (n) => (n <= 10 ? NUM[n] : n < 20 ? `十${NUM[n % 10]}` : `${NUM[Math.floor(n / 10)]}十${n % 10 ? NUM[n % 10] : ''}`);

/** The report layout in Typst: A4, 37/26/35/28 mm margins, 22 lines of 28 characters, 3号 body. */
export function articleToTypst(a) {
  const lines = [];
  lines.push(`#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),
  footer: context {
    let n = counter(page).get().first()
    set text(font: "Noto Serif SC", size: 14pt)
    align(if calc.odd(n) { right } else { left }, pad(x: 1em, [— #n —]))
  })
#set text(font: "Noto Serif SC", size: 16pt, lang: "zh", region: "cn")
#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 28.95pt - 1em, spacing: 28.95pt - 1em)
`);
  if (a.column) lines.push(`#par(first-line-indent: 0pt)[#text(font: "Noto Sans SC", weight: "bold")[【${esc(a.column)}】]]`);
  lines.push(`#align(center)[#par(first-line-indent: 0pt, leading: 43.4pt - 1em)[#text(font: "Noto Serif SC", weight: 900, size: 22pt)[${esc(a.title)}]]]`);
  lines.push('#v(28.95pt)');
  if (a.editorNote) lines.push(`#text(font: "Noto Serif SC", weight: "bold")[#text(font: "Noto Sans SC", weight: "bold")[编者按：]${esc(a.editorNote)}]`);
  const blocks = (list, level) => {
    let n = 0;
    for (const b of list ?? []) {
      if (typeof b === 'string') lines.push('', esc(b));
      else if (b && 'heading' in b) {
        n++;
        const label = level === 1 ? `${cn(n)}、` : level === 2 ? `（${cn(n)}）` : level === 3 ? `${n}.` : `（${n}）`;
        const face = level === 1 ? '#text(font: "Noto Sans SC", weight: "bold")' : level === 2 ? '#text(font: "Noto Serif SC", weight: "bold")' : '#text()';
        lines.push('', `${face}[${esc(label + b.heading)}]`);
        blocks(b.body, level + 1);
      } else if (b && 'list' in b) for (const item of b.list) lines.push('', esc(item));
    }
  };
  blocks(a.body, 1);
  if (a.source) lines.push('', `#align(right)[#pad(right: 2em)[（来源：${esc(a.source)}）]]`);
  const [y, m, d] = String(a.date).split('-').map(Number);
  lines.push('', `#align(right)[#pad(right: 4em)[${y}年${m}月${d}日]]`);
  return lines.join('\n') + '\n';
}
