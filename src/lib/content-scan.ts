// Reads content/docs/**/*.mdx as syntax trees (the same MDX grammar the build uses), for the coverage
// script, the content tests and the content lint (src/lint/), which runs before the build compiles any page.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';
import { extractQuestions } from './questions.ts';
import type { Root, Yaml } from 'mdast';
import type { ContentPage } from './types.ts';

export const CONTENT_DIR = 'content/docs';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Parses MDX source into an mdast tree (MDX, GFM, YAML frontmatter). Throws the MDX parser's error (a VFileMessage with line and column). */
export function parseMdx(source: string): Root {
  return parser.parse(source);
}

/** Content files under `dir`, sorted; names starting with _ (templates) are not pages. */
export function contentFiles(dir: string): string[] {
  // Without an `encoding` option Node returns names as strings (utf8); the overload types allow Buffers too.
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((rel) => /\.mdx?$/.test(rel) && !basename(rel).startsWith('_'))
    .sort()
    .map((rel) => join(dir, rel));
}

/** Every content page under `dir`, parsed, with its frontmatter and questions. */
export function loadContent(dir: string = CONTENT_DIR): ContentPage[] {
  return contentFiles(dir).map((file) => {
    const source = readFileSync(file, 'utf8');
    const tree = parser.parse(source);
    const yamlNode = tree.children.find((n): n is Yaml => n.type === 'yaml');
    // parseYaml returns `any`: frontmatter is untyped YAML data, not validated here.
    const frontmatter: Record<string, unknown> = yamlNode ? parseYaml(yamlNode.value) : {};
    const slug = relative(dir, file).split(sep).join('/').replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
    const topic = slug.split('/')[0] || '';
    const questions = extractQuestions(tree, file).map((q) => ({ ...q, file, slug, topic }));
    return { file, slug, topic, source, tree, frontmatter, questions };
  });
}
