import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support.js';
import { jianbao, jianbaoLive, write } from '../project/run.js';

const article = (first: string) => `title: 示例监视文章\ndate: 2021-03-04\nbody:\n  - ${first}\n  - 第二段原文。\n`;

/**
 * `jianbao build --watch` (the real CLI) while files are saved the ways editors and tools save
 * them: in place, by writing a temporary file and renaming it over (safe-write, `sed -i`,
 * `import --into --yes`), as new files, and with content/ deleted and made again. After each,
 * a later save in place must still be seen: Node's own recursive watcher went deaf there.
 */
describe('build --watch sees every way a file is saved', () => {
  let dir: string;
  let watch: ReturnType<typeof jianbaoLive>;
  const file = () => path.join(dir, 'content/articles/a.yaml');

  /** Does `change`, then waits for the rebuild to write `output` (or for `stderr` to show `text`). */
  const rebuilds = async (change: () => void, output = 'articles/a/report.pdf') => {
    const mark = watch.mark();
    change();
    await watch.until((o) => o.stdout.includes(`wrote ${output}`), `a rebuild writing ${output}`, mark);
  };
  const inPlace = (text: string) => () => fs.writeFileSync(file(), text);

  beforeAll(async () => {
    dir = tempDir('jianbao-watch-');
    write(dir, { 'content/articles/a.yaml': article('第一段原文。') });
    watch = jianbaoLive(['build', '--watch', '--jobs', '1', '--no-preview', '--format', 'pdf'], dir);
    await watch.until((o) => o.stdout.includes('Ctrl-C stops'), 'the watch to start');
  }, 120_000);

  afterAll(async () => {
    expect(await watch.stop()).toBe(0);
  });

  it('sees a save in place', async () => {
    await rebuilds(inPlace(article('第一段，保存在原处。')));
  });

  it('sees a safe-write (a temporary file renamed over) and every save after it', async () => {
    await rebuilds(() => {
      fs.writeFileSync(`${file()}.tmp`, article('第一段，改名覆盖。'));
      fs.renameSync(`${file()}.tmp`, file());
    });
    await rebuilds(inPlace(article('第一段，改名覆盖之后原处保存。')));
    await rebuilds(inPlace(article('第一段，再原处保存一次。')));
  });

  it('sees sed -i, and the save after it', async () => {
    await rebuilds(() => execFileSync('sed', ['-i', 's/再原处保存一次/用 sed 改过/', file()]));
    await rebuilds(inPlace(article('第一段，sed 之后原处保存。')));
  });

  it('sees import --into --yes (which writes through a rename), and the save after it', async () => {
    fs.writeFileSync(path.join(dir, 'edited.txt'), '示例监视文章\n\n第一段，导入改过。\n\n第二段原文。\n');
    await rebuilds(() => expect(jianbao(['import', 'edited.txt', '--into', 'content/articles/a.yaml', '--yes'], dir).code).toBe(0));
    expect(fs.readFileSync(file(), 'utf8')).toContain('第一段，导入改过。');
    await rebuilds(inPlace(article('第一段，导入之后原处保存。')));
  });

  it('sees a new file, in a new folder too', async () => {
    await rebuilds(() => fs.writeFileSync(path.join(dir, 'content/articles/b.yaml'), article('新文件。')), 'articles/b/report.pdf');
    await rebuilds(() => write(dir, { 'content/articles/more/c.yaml': article('新文件夹里的新文件。') }), 'articles/more/c/report.pdf');
  });

  it('says so when content/ is deleted, and goes on when it is made again', async () => {
    const mark = watch.mark();
    fs.rmSync(path.join(dir, 'content'), { recursive: true });
    await watch.until((o) => o.stderr.includes('has no content/ folder') && o.stderr.includes('not rebuilt'), 'the error of a deleted content/', mark);
    await rebuilds(() => write(dir, { 'content/articles/a.yaml': article('第一段，重建之后。') }));
    await rebuilds(inPlace(article('第一段，重建之后原处保存。')));
  });
});
