import { afterAll, describe, it } from 'vitest';
import { png } from './images.js';
import { articleYaml, expectRefused, hostileProject, removeProjects } from './hostile.js';

/**
 * Every read of a build goes through one path policy: a regular file, inside its root (through
 * links too), bounded. A FIFO or a device where content, an article or an image should be is
 * refused at once with what it is, where it was named; the build never waits on it.
 */
afterAll(removeProjects);

const BAD = 'content/articles/bad.yaml';
const build = (file = BAD) => ['build', '--jobs', '1', '--no-preview', file];
const ISSUE = 'bulletin: 示例简报\nissue: 1\npublisher: 示例单位\ndate: 2021-03-10\ncopies: 10\ncolumns:\n  - name: 甲\n    articles: [a]\n';

describe('content files', () => {
  it('a FIFO named as content', () =>
    expectRefused(hostileProject({ fifos: [BAD] }), build(), [{ rule: 'io', file: BAD, line: 1, column: 1, message: 'is a FIFO (named pipe), not a file' }]), 20_000);

  it('a FIFO among the content a folder build finds', () =>
    expectRefused(hostileProject({ files: { 'content/articles/a.yaml': articleYaml() }, fifos: ['content/articles/b.yaml'] }), build('content/articles'), [
      { rule: 'io', file: 'content/articles/b.yaml', line: 1, column: 1, message: 'FIFO' },
    ]), 20_000);

  it('/dev/zero named as content', () =>
    expectRefused(hostileProject({}), build('/dev/zero'), [{ rule: 'io', file: '/dev/zero', line: 1, column: 1, message: 'is a device, not a file' }]), 20_000);

  it('a content file that is a link to /dev/zero', () =>
    expectRefused(hostileProject({ links: { [BAD]: '/dev/zero' } }), build(), [{ rule: 'path', file: BAD, line: 1, column: 1, message: 'leaves the content folder (through a link to /dev/zero)' }]), 20_000);

  it('a content file that is a link out of the content folder', () =>
    expectRefused(hostileProject({ files: { 'secret.yaml': articleYaml() }, links: { [BAD]: '../../secret.yaml' } }), build(), [
      { rule: 'path', file: BAD, line: 1, column: 1, message: 'leaves the content folder (through a link to' },
    ]), 20_000);
});

describe('what content names', () => {
  it('an article that is a FIFO', () =>
    expectRefused(hostileProject({ files: { 'content/bulletins/x.yaml': ISSUE }, fifos: ['content/articles/a.yaml'] }), build('content/bulletins/x.yaml'), [
      { rule: 'io', file: 'content/bulletins/x.yaml', line: 8, column: 16, message: 'the article a is a FIFO (named pipe), not a file' },
    ]), 20_000);

  it('an article that is a folder', () =>
    expectRefused(hostileProject({ files: { 'content/bulletins/x.yaml': ISSUE, 'content/articles/a.yaml/inner.txt': 'x' } }), build('content/bulletins/x.yaml'), [
      { rule: 'io', file: 'content/bulletins/x.yaml', line: 8, column: 16, message: 'is a folder' },
    ]), 20_000);

  it('an image that is a FIFO', () =>
    expectRefused(hostileProject({ files: { [BAD]: articleYaml('  - image: { src: chart.png }\n') }, fifos: ['content/articles/chart.png'] }), build(), [
      { rule: 'image-format', file: BAD, line: 4, column: 19, message: 'a special file' },
    ]), 20_000);

  it('an image that is a link to /dev/zero', () =>
    expectRefused(hostileProject({ files: { [BAD]: articleYaml('  - image: { src: chart.png }\n') }, links: { 'content/articles/chart.png': '/dev/zero' } }), build(), [
      { rule: 'image-path', file: BAD, line: 4, column: 19, message: 'through a link to /dev/zero' },
    ]), 20_000);

  it('an image path with a newline in it', () =>
    expectRefused(hostileProject({ files: { [BAD]: articleYaml('  - image: { src: "a\\nb.png" }\n'), 'content/articles/a\nb.png': png(2, 2) } }), build(), [
      { rule: 'image-path', file: BAD, line: 4, column: 19, message: 'control character' },
    ]), 20_000);
});
