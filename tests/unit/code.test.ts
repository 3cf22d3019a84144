// Light code markup (src/code/, src/plugins/expressive-code.ts): the command HTML of the cheat sheet, the merging of
// Shiki token spans in Expressive Code lines, and the copy script's source.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import type { ElementContent } from 'hast';
import { commandHtml } from '../../src/code/command-html.ts';
import { copyScript } from '../../src/code/copy-client.ts';
import { leanTokens } from '../../src/plugins/expressive-code.ts';

const OWN = '--0:#e1e4e8;--1:#24292e';
const span = (style: string, text: string): ElementContent => ({ type: 'element', tagName: 'span', properties: { style }, children: [{ type: 'text', value: text }] });
const text = (value: string): ElementContent => ({ type: 'text', value });
const FN = '--0:#B392F0;--1:#6F42C1';
const STR = '--0:#9ECBFF;--1:#032F62';
const WS = '--0:#E1E4E8;--1:#24292E';

describe('commandHtml', () => {
  it('escapes the command and puts each placeholder in a <var>; the text is the command', () => {
    const cmd = "crictl ps --name '^<container>$' && echo \"a<b\" > /tmp/x <ns.name>";
    const html = commandHtml(cmd);
    expect(html).toBe("crictl ps --name '^<var>&lt;container&gt;</var>$' &amp;&amp; echo \"a&lt;b\" &gt; /tmp/x <var>&lt;ns.name&gt;</var>");
    const pre = new JSDOM(`<pre>${html}</pre>`).window.document.querySelector('pre');
    expect(pre?.textContent).toBe(cmd);
    expect(pre?.querySelectorAll('var')).toHaveLength(2);
  });

  it('keeps newlines of a multi-line command', () => {
    expect(commandHtml('kubectl get pod \\\n  -n <ns>')).toBe('kubectl get pod \\\n  -n <var>&lt;ns&gt;</var>');
  });
});

describe('leanTokens', () => {
  it('merges a whitespace span into neighbours of the same style and drops the code’s own colour', () => {
    const out = leanTokens([span(FN, 'kubectl'), span(WS, ' '), span(STR, 'get'), span(WS, ' '), span(STR, 'pod'), span(WS, ' '), span(WS, '|')], OWN);
    expect(out).toEqual([span(FN, 'kubectl'), text(' '), span(STR, 'get pod'), text(' |')]);
  });

  it('keeps the text of the line unchanged', () => {
    const input = [span(STR, 'a'), span(WS, '  '), span(FN, 'b'), text(' c '), span(FN, 'd'), span(WS, ' ')];
    const flat = (nodes: ElementContent[]): string => nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? flat(n.children) : '')).join('');
    expect(flat(leanTokens(input, OWN))).toBe(flat(input));
  });

  it('leaves spans with a class or other attributes, and nested markup, as they are, and does not merge across them', () => {
    const indent: ElementContent = { type: 'element', tagName: 'span', properties: { className: ['indent'] }, children: [text('  ')] };
    const mark: ElementContent = { type: 'element', tagName: 'mark', properties: {}, children: [span(STR, 'x')] };
    const out = leanTokens([indent, span(STR, 'a'), mark, span(STR, 'b')], OWN);
    expect(out).toEqual([indent, span(STR, 'a'), mark, span(STR, 'b')]);
  });

  it('a placeholder style (with italics) stays distinct from the plain colour', () => {
    const ph = '--0:var(--kb-placeholder-color);--1:var(--kb-placeholder-color);--0fs:italic;--1fs:italic';
    const out = leanTokens([span(STR, '-n'), span(WS, ' '), span(ph, '<ns>')], OWN);
    expect(out).toEqual([span(STR, '-n'), text(' '), span(ph, '<ns>')]);
  });
});

describe('copy script', () => {
  it('is a self-contained script that parses as JavaScript', () => {
    expect(() => new Function(copyScript)).not.toThrow();
    expect(copyScript).toMatch(/^\(function installCopyButtons\(/);
    expect(copyScript).not.toMatch(/\bimport\b/);
  });
});
