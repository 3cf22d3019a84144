// Reads content/docs/**/*.mdx as syntax trees (the same MDX grammar the build uses), for the coverage
// script and the content tests. The build itself does not use this module.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';
import { extractQuestions } from './questions.mjs';

export const CONTENT_DIR = 'content/docs';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.mdx?$/.test(name) && !name.startsWith('_')) out.push(p);
  }
  return out;
}

/** @returns {Array<{ file: string, slug: string, topic: string, source: string, tree: any, frontmatter: any, questions: any[] }>} */
export function loadContent(dir = CONTENT_DIR) {
  return walk(dir).map((file) => {
    const source = readFileSync(file, 'utf8');
    const tree = parser.parse(source);
    const yamlNode = tree.children.find((n) => n.type === 'yaml');
    const frontmatter = yamlNode ? parseYaml(yamlNode.value) : {};
    const slug = relative(dir, file).split(sep).join('/').replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
    const topic = slug.split('/')[0] || '';
    const questions = extractQuestions(tree, file).map((q) => ({ ...q, file, slug, topic }));
    return { file, slug, topic, source, tree, frontmatter, questions };
  });
}
