// Checks on the knowledge itself (content/docs), fast and without a build.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import type { ContentPage } from '../../src/lib/types.ts';
import { loadContent } from '../../src/lib/content-scan.ts';
import { checkSiteQuestions, displayPath } from '../../src/lib/content-error.ts';
import { findCopiedRun } from '../../src/lib/own-words.ts';
import { topicIds } from '../../src/topics.ts';

const pages = loadContent();
const fingerprint = new Set(
  readFileSync(new URL('../fixtures/seed-fingerprint.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#')),
);
const where = (page: ContentPage, node: Node): string => `${displayPath(page.file)}:${node.position?.start.line}`;

describe('content/docs', () => {
  it('has a page per topic, each with an overview', () => {
    const slugs = new Set(pages.map((p) => p.slug));
    expect(topicIds.filter((t) => !slugs.has(t))).toEqual([]);
    // Only the home page (index) and the 404 page live outside a topic folder.
    expect(pages.filter((p) => !topicIds.includes(p.topic) && !['', '404'].includes(p.slug)).map((p) => p.file)).toEqual([]);
  });

  it('question ids are unique site-wide and each source question is answered once', () => {
    expect(checkSiteQuestions(pages.flatMap((p) => p.questions))).toEqual([]);
  });

  it('every page has a title and a description', () => {
    const bad = pages.filter((p) => typeof p.frontmatter.title !== 'string' || typeof p.frontmatter.description !== 'string');
    expect(bad.map((p) => p.file)).toEqual([]);
  });

  it('every code fence names its language, and every diagram has a title', () => {
    const problems: string[] = [];
    for (const page of pages) {
      visit(page.tree, 'code', (node) => {
        if (!node.lang) problems.push(`${where(page, node)}: code fence without a language (use bash, yaml, text, …)`);
        if (node.lang === 'mermaid' && !/title=("[^"]+"|'[^']+')/.test(node.meta ?? '')) {
          problems.push(`${where(page, node)}: mermaid fence without title="…"`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('site links are written from the site root without the base path or file extensions', () => {
    const problems: string[] = [];
    for (const page of pages) {
      visit(page.tree, 'link', (node) => {
        const url = node.url;
        if (/^[a-z]+:/i.test(url) || url.startsWith('#')) return;
        if (!url.startsWith('/')) problems.push(`${where(page, node)}: relative link "${url}" (write /topic/page/#anchor)`);
        else if (/^\/k8s-kb(\/|$)/.test(url)) problems.push(`${where(page, node)}: link "${url}" includes the base path`);
        else if (/\.mdx?(#|$)/.test(url)) problems.push(`${where(page, node)}: link "${url}" points at a source file`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('Chinese prose quotes with “ ” rather than ASCII double quotes (the site does not convert them)', () => {
    const problems: string[] = [];
    for (const page of pages) {
      visit(page.tree, 'text', (node) => {
        if (node.value.includes('"') && /\p{Script=Han}/u.test(node.value)) {
          problems.push(`${where(page, node)}: ASCII " in Chinese text, use “…”: ${node.value.slice(0, 60)}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('Chinese and Latin words or numbers are separated by a space (also around inline code)', () => {
    const HAN = /\p{Script=Han}/u;
    const LATIN = /[A-Za-z0-9]/;
    const problems: string[] = [];
    for (const page of pages) {
      visit(page.tree, (node) => {
        if (!('children' in node) || !node.children || node.type === 'heading' && node.depth === 1) return;
        const kids = node.children;
        kids.forEach((kid, i) => {
          if (kid.type === 'text') {
            const m = /\p{Script=Han}[A-Za-z0-9]|[A-Za-z0-9]\p{Script=Han}/u.exec(kid.value);
            if (m) problems.push(`${where(page, kid)}: “${kid.value.slice(Math.max(0, m.index - 6), m.index + 8)}”`);
          }
          if (kid.type === 'inlineCode') {
            const before = kids[i - 1];
            const after = kids[i + 1];
            if (before?.type === 'text' && HAN.test(before.value.at(-1) ?? '')) problems.push(`${where(page, kid)}: no space before \`${kid.value}\``);
            if (after?.type === 'text' && HAN.test(after.value[0] ?? '')) problems.push(`${where(page, kid)}: no space after \`${kid.value}\``);
          }
          if ((kid.type === 'strong' || kid.type === 'emphasis' || kid.type === 'link') && kid.children?.length) {
            // **加粗**与相邻文字：只检查中文紧贴英文的情况
            const inner = kid.children.map((c) => ('value' in c ? c.value : undefined) ?? '').join('');
            const before = kids[i - 1];
            const after = kids[i + 1];
            if (before?.type === 'text' && HAN.test(before.value.at(-1) ?? '') && LATIN.test(inner[0] ?? '')) problems.push(`${where(page, kid)}: no space before “${inner.slice(0, 12)}”`);
            if (after?.type === 'text' && HAN.test(after.value[0] ?? '') && LATIN.test(inner.at(-1) ?? '')) problems.push(`${where(page, kid)}: no space after “${inner.slice(-12)}”`);
          }
        });
      });
    }
    expect(problems).toEqual([]);
  });

  it('answers are in our own words: no paragraph repeats 20+ characters of the source documents', () => {
    const copied: string[] = [];
    for (const page of pages) {
      visit(page.tree, (node) => {
        if (node.type !== 'paragraph' && node.type !== 'tableCell') return;
        let text = '';
        visit(node, (n) => {
          if (n.type === 'text') text += n.value;
          if (n.type === 'inlineCode') text += ' ';
        });
        const run = findCopiedRun(text, fingerprint);
        if (run) copied.push(`${where(page, node)}: repeats "${run}"`);
        return 'skip';
      });
    }
    expect(copied).toEqual([]);
  });
});
