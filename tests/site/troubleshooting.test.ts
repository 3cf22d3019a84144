// The troubleshooting topic as an on-call engineer meets it: the built cheat sheet, the symptom index, and search
// for real error strings, in the production build under the base path.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { ask } from '../../scripts/search-eval.ts';
import { launchChromium } from '../../src/lib/chromium.ts';
import type { Browser } from 'playwright-core';
import { htmlPages, read } from '../helpers/site.ts';
import type { RegistryEntry } from '../../src/lib/types.ts';

const distDir = inject('distDir');
const base = inject('base');
const siteUrl = inject('siteUrl');
const registry: RegistryEntry[] = JSON.parse(readFileSync(join(distDir, 'questions.json'), 'utf8'));
const CHEAT_SHEET = 'troubleshooting/commands/index.html';
const cache = new Map<string, Document>();
const dom = (rel: string): Document => {
  let doc = cache.get(rel);
  if (!doc) cache.set(rel, (doc = new JSDOM(read(distDir, rel)).window.document));
  return doc;
};
const selectAll = (sel: string, root: ParentNode): Element[] => [...root.querySelectorAll(sel)];
const selectOne = (sel: string, root: ParentNode): Element | null => root.querySelector(sel);
const getAttributeValue = (el: Element | null, name: string): string | undefined => el?.getAttribute(name) ?? undefined;
const ids = (doc: Document): Set<string> => new Set(selectAll('[id]', doc).map((el) => el.id));

/** Bash blocks of a built page, as the lines a reader copies (Expressive Code keeps them in data-code). */
function bashLines(doc: Document): string[] {
  const lines: string[] = [];
  for (const figure of selectAll('figure', doc)) {
    if (!selectOne('pre[data-language="bash"]', figure)) continue;
    const code = getAttributeValue(selectOne('button[data-code]', figure), 'data-code') ?? '';
    for (const line of code.split('\u007f')) if (line.trim() && !/^\s*#/.test(line)) lines.push(line.trim());
  }
  return lines;
}

describe('command cheat sheet (generated at build time)', () => {
  const sheet = dom(CHEAT_SHEET);
  const items = selectAll('.kb-cheat-item', sheet);
  // The command a reader copies: the text of the item's <pre> (placeholders are <var> elements inside it).
  const commands = items.map((el) => selectOne('pre.kb-cmd', el)?.textContent ?? undefined);
  const playbookPages = htmlPages(distDir).filter((p) => p.startsWith('troubleshooting/') && p !== CHEAT_SHEET);

  it('lists commands grouped by tool', () => {
    expect(items.length).toBeGreaterThan(50);
    const groups = selectAll('.kb-cheat-group', sheet).map((g) => getAttributeValue(g, 'data-group'));
    for (const g of ['kubectl', 'runtime', 'systemd', 'netfilter', 'dns', 'openssl', 'etcd']) expect(groups).toContain(g);
    expect(new Set(commands).size).toBe(commands.length);
  });

  it('every bash command on a troubleshooting page appears in the cheat sheet', () => {
    const sheetLines = new Set(
      commands.flatMap((c) => {
        if (c === undefined) throw new Error('a .kb-cheat-item has no pre.kb-cmd');
        return c.split('\n').map((l) => l.trim());
      }),
    );
    const missing = [];
    for (const rel of playbookPages) for (const line of bashLines(dom(rel))) if (!sheetLines.has(line)) missing.push(`${rel}: ${line}`);
    expect(missing).toEqual([]);
  });

  it('every command links back to the step that uses it, and each link resolves to an existing anchor', () => {
    const bad = [];
    for (const item of items) {
      const links = selectAll('.kb-cheat-uses a', item).map((a) => getAttributeValue(a, 'href'));
      if (!links.length) bad.push(`${selectOne('pre.kb-cmd', item)?.textContent}: no link`);
      for (const href of links) {
        if (href === undefined) throw new Error('a .kb-cheat-uses link has no href');
        const [path, hash] = href.split('#');
        if (!path.startsWith(`${base}/troubleshooting/`) || !hash) {
          bad.push(`${href}: not a step of a troubleshooting page`);
          continue;
        }
        const rel = `${path.slice(base.length + 1)}index.html`;
        if (!ids(dom(rel)).has(decodeURIComponent(hash))) bad.push(`${href}: no such anchor`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('symptom index', () => {
  it('every entry of the index table resolves to a heading of a troubleshooting page', () => {
    const index = dom('troubleshooting/index.html');
    const hrefs = selectAll('table a', index).map((a) => getAttributeValue(a, 'href'));
    expect(hrefs.length).toBeGreaterThan(20);
    const bad = [];
    for (const href of hrefs) {
      if (href === undefined) throw new Error('a link of the index table has no href');
      const [path, hash] = href.split('#');
      const rel = `${path.slice(base.length + 1)}index.html`;
      if (!path.startsWith(`${base}/troubleshooting/`) || !hash || !ids(dom(rel)).has(decodeURIComponent(hash))) bad.push(href);
    }
    expect(bad).toEqual([]);
  });
});

describe('search for an error message lands on its playbook', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['CrashLoopBackOff', 'ts-crashloopbackoff'],
    ['x509: certificate signed by unknown authority', 'ts-tls-x509'],
    ['etcdserver: leader changed', 'ts-apiserver-etcd-errors'],
  ])('“%s” → %s', async (query, playbook) => {
    const target = registry.find((q) => q.id === playbook);
    expect(target, `playbook ${playbook} in the registry`).toBeTruthy();
    if (!target) throw new Error(`playbook ${playbook} is not in the registry`); // (unreachable: the expect above fails first)
    if (!browser) throw new Error('Chromium did not launch (see beforeAll)');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL('troubleshooting/', siteUrl).href, { waitUntil: 'load' });
    const { links } = await ask(page, query);
    // The first result is the playbook itself: its link opens on the playbook's heading.
    expect(links[0], links.join(', ')).toBe(target.url);
    await context.close();
  });
});
