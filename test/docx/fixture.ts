import fs from 'node:fs';
import path from 'node:path';
import { build } from '../../src/pipeline/build.js';
import type { Format } from '../../src/render/registry.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { png } from '../reliability/images.js';
import { tempDir } from '../support.js';

/**
 * An article with one of everything a draft must carry back: fixed title lines, subtitle, column,
 * editor's note, source with author, four heading levels, paragraphs after subsections, a table
 * with a header and numbers, a picture with a caption, an ordered and a bulleted list, a closing.
 */
export const RICH = `# 示例文章：覆盖草稿往返所需的每一种内容。
title: 示例标题：表格、图片与多级标题
titleLines: [示例标题：, 表格、图片与多级标题]
subtitle: ——副标题示例
column: 调研交流
date: 2021-03-05
source: 示例来源
author: 示例作者
editorNote: 这是一段编者按，含有“引号”和English words。
layouts: [report]
body:
  - 开头的一段，在第一节之前。
  - heading: 第一节
    body:
      - 第一节的一段。
      - heading: 第一小节
        body:
          - heading: 第三级标题
            body:
              - heading: 第四级标题
                body:
                  - 第四级的一段。
              - 第三级的收尾段，在第四级之后。
          - 第一小节的收尾，在第三级之后。
      - table:
          caption: 表1 示例表格
          header: [项目, 数量]
          rows: [[甲, 1], [乙, 2.5]]
  - heading: 第二节
    body:
      - image: { src: figures/chart.png, caption: 图1 示例图 }
      - list: [第一项, 第二项]
        ordered: true
      - list: [甲项, 乙项]
  - 2021年，我们将继续努力，把工作做得更好。
`;

/** A project folder holding the rich article and its picture. */
export function richProject(): { dir: string; file: string; picture: Buffer } {
  const dir = tempDir('jianbao-docx-');
  const file = path.join(dir, 'content/articles/rich.yaml');
  fs.mkdirSync(path.join(dir, 'content/articles/figures'), { recursive: true });
  const picture = png(40, 20);
  fs.writeFileSync(path.join(dir, 'content/articles/figures/chart.png'), picture);
  fs.writeFileSync(file, RICH);
  return { dir, file, picture };
}

/** Builds content files of a project folder (the package's templates) into a temporary out folder. */
export async function buildProject(dir: string, inputs: string[], opts: { formats?: Format[]; draft?: boolean } = {}) {
  const out = tempDir();
  await build({ paths: { ...projectPaths(dir), outDir: out }, inputs, ...opts });
  return { out, read: (rel: string) => new Uint8Array(fs.readFileSync(path.join(out, rel))) };
}
