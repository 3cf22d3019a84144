// Diagram fonts sized to the page (issue #14 item 2), checked on the built files: the font a page loads for its
// diagrams holds every character its diagram labels show, its rules claim no other character (the file's size is
// in the fontBytes budget, tests/site/budgets.test.ts); pages without diagrams load no diagram font.
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { htmlPages, read } from '../helpers/site.ts';
import { fontFaceRules, pageWeigher } from '../helpers/page-weight.ts';
import { fontCodePoints } from '../helpers/font-cmap.ts';

const distDir = inject('distDir');
const base = inject('base');

/** The page's diagram label text (text inside the diagrams' SVGs, not their <style>/<title>/<desc>) and its head CSS. */
function parsePage(html: string): { labels: string; headCss: string; diagrams: number } {
  let labels = '';
  let headCss = '';
  let diagrams = 0;
  let svgDepth = 0;
  let skip = 0;
  let inFigure = false;
  let inHead = false;
  let inHeadStyle = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'head') inHead = true;
        if (name === 'style' && inHead) inHeadStyle = true;
        if (name === 'figure' && /\bkb-diagram\b/.test(attrs.class ?? '')) {
          diagrams++;
          inFigure = true;
        }
        if (name === 'svg' && inFigure) svgDepth++;
        if (svgDepth && (name === 'style' || name === 'title' || name === 'desc')) skip++;
      },
      ontext(t) {
        if (inHeadStyle) headCss += t;
        else if (svgDepth && !skip) labels += t;
      },
      onclosetag(name) {
        if (name === 'head') inHead = false;
        if (name === 'style') inHeadStyle = false;
        if (svgDepth && (name === 'style' || name === 'title' || name === 'desc')) skip--;
        if (name === 'svg' && svgDepth) svgDepth--;
        if (name === 'figure') inFigure = false;
      },
    },
    { decodeEntities: true, xmlMode: false },
  );
  parser.end(html);
  return { labels, headCss, diagrams };
}

const pages = htmlPages(distDir).map((rel) => ({ rel, ...parsePage(read(distDir, rel)) }));
const withDiagrams = pages.filter((p) => p.diagrams > 0);
const fontFile = (url: string) => join(distDir, url.slice(base.replace(/\/?$/, '/').length));
const codePoints = (s: string) => new Set([...s].map((c) => c.codePointAt(0) ?? 0).filter((p) => p >= 0x20));

describe('diagram fonts', () => {
  it('there are pages with diagrams and pages without', () => {
    expect(withDiagrams.length).toBeGreaterThan(10);
    expect(pages.length - withDiagrams.length).toBeGreaterThan(10);
  });

  it.each(withDiagrams.map((p) => p.rel))('%s: its font holds every character its diagram labels show, and its rules claim no other', async (rel) => {
    const page = withDiagrams.find((p) => p.rel === rel);
    if (!page) throw new Error(`no page ${rel}`);
    const used = codePoints(page.labels);
    expect(used.size).toBeGreaterThan(10);
    const rules = fontFaceRules(page.headCss).filter((r) => r.family === 'Noto Sans SC');
    expect(rules.length).toBeGreaterThan(0);
    const declared = new Set<number>();
    for (const rule of rules) {
      const range = [...(rule.codePoints ?? [])];
      expect(range.length, `${rule.url} has a unicode-range`).toBeGreaterThan(0);
      // The file really maps every character of its range to a glyph (probed with all the page's label text).
      const inFile = await fontCodePoints(readFileSync(fontFile(rule.url)), String.fromCodePoint(...range, ...used));
      expect(range.filter((p) => !inFile.has(p)).map((p) => String.fromCodePoint(p)), rule.url).toEqual([]);
      for (const p of range) declared.add(p);
    }
    // Every label character is in the page's font (no fallback glyph with other metrics), and nothing else is.
    expect([...used].filter((p) => !declared.has(p)).map((p) => String.fromCodePoint(p))).toEqual([]);
    expect([...declared].filter((p) => !used.has(p)).map((p) => String.fromCodePoint(p))).toEqual([]);
  });

  it('pages without diagrams load no diagram font', () => {
    const weigh = pageWeigher(distDir, base);
    for (const page of pages.filter((p) => !p.diagrams)) {
      expect(read(distDir, page.rel), page.rel).not.toMatch(/kb-dg-|Noto Sans SC/);
      expect(weigh(page.rel).fontBytes, page.rel).toBe(0);
    }
  });
});
