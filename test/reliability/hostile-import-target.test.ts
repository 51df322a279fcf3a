import { afterAll, describe, it } from 'vitest';
import { articleYaml, expectRefused, hostileProject, removeProjects } from './hostile.js';

/**
 * What `jianbao import` writes to (`-o`) or updates (`--into`) is read first, to compare with and
 * to ask before replacing it: a pipe or a device there is refused at once, where a plain read
 * would wait on the pipe for ever.
 */
afterAll(removeProjects);

const PAGE = { 'page.txt': '示例标题\n\n示例段落。\n' };

describe('import targets that are not files', () => {
  it('-o names a FIFO', () =>
    expectRefused(hostileProject({ files: PAGE, fifos: ['content/articles/new.yaml'] }), ['import', 'page.txt', '-o', 'content/articles/new.yaml'], [
      { rule: 'io', file: 'content/articles/new.yaml', line: 1, column: 1, message: 'is a FIFO (named pipe), not a file' },
    ]), 20_000);

  it('--into names a FIFO', () =>
    expectRefused(hostileProject({ files: PAGE, fifos: ['content/articles/a.yaml'] }), ['import', 'page.txt', '--into', 'content/articles/a.yaml', '--yes'], [
      { rule: 'io', file: 'content/articles/a.yaml', line: 1, column: 1, message: 'is a FIFO (named pipe), not a file' },
    ]), 20_000);

  it('--into names a link to /dev/zero', () =>
    expectRefused(hostileProject({ files: PAGE, links: { 'content/articles/a.yaml': '/dev/zero' } }), ['import', 'page.txt', '--into', 'content/articles/a.yaml', '--yes'], [
      { rule: 'io', file: 'content/articles/a.yaml', line: 1, column: 1, message: 'is a device, not a file' },
    ]), 20_000);

  it('-o names a folder', () =>
    expectRefused(hostileProject({ files: { ...PAGE, 'content/articles/new.yaml/x.yaml': articleYaml() } }), ['import', 'page.txt', '-o', 'content/articles/new.yaml'], [
      { rule: 'io', file: 'content/articles/new.yaml', line: 1, column: 1, message: 'is a folder, not a file' },
    ]), 20_000);
});
