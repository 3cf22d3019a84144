// src/csp/policy.ts on small pages: where the <meta> goes, what it hashes, what it refuses.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyCsp, policyFor, scriptHash } from '../../src/csp/policy.ts';

const page = (head: string, body = '') => `<!DOCTYPE html><html lang="zh-CN"><head>${head}</head><body>${body}</body></html>`;
const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('applyCsp', () => {
  it('puts the policy right after <meta charset>, hashing each inline script once and no external one', () => {
    const a = '\n\twindow.x = 1 < 2 && "</div>";\n';
    const r = applyCsp(page(`<meta charset="utf-8"/><title>t</title><script>${a}</script><script type="module" src="/a.js"></script>`, `<script>${a}</script><script type="module">go()</script>`));
    expect(r.problems).toEqual([]);
    expect(r.hashes).toEqual([sha(a), sha('go()')]);
    expect(r.html).toMatch(/^<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"\/><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(r.policy).toBe(policyFor([sha(a), sha('go()')]));
    expect(r.policy).toContain("object-src 'none'");
  });

  it('goes first in <head> when the head does not open with <meta charset>', () => {
    const r = applyCsp(page('<title>t</title><meta charset="utf-8">'));
    expect(r.html).toContain(`<head><meta http-equiv="Content-Security-Policy" content="${policyFor([]).replace(/"/g, '&quot;')}"><title>`);
  });

  it('replaces its own earlier <meta> instead of adding a second (a rerun gives the same page)', () => {
    const once = applyCsp(page('<meta charset="utf-8"><script>a()</script>'));
    const twice = applyCsp(once.html);
    expect(twice.html).toBe(once.html);
    expect(twice.html.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('hashes CRLF line ends as the browser does (as LF)', () => {
    expect(scriptHash('a();\r\nb();')).toBe(sha('a();\nb();'));
  });

  it('reports inline event handlers and javascript: URLs, which no hash can allow', () => {
    const r = applyCsp(page('<meta charset="utf-8">', '<form onsubmit="return false"></form><a href=" javascript:alert(1)">x</a><img src="a.png" onerror="x()">'));
    expect(r.problems).toEqual([
      'inline event handler <form onsubmit="return false">: attach it from a script instead',
      'javascript: URL in <a href>: use a button with a script instead',
      'inline event handler <img onerror="x()">: attach it from a script instead',
    ]);
  });

  it('reports a page without <head>', () => {
    expect(applyCsp('<p>hi</p>').problems).toEqual(['no <head> to put the Content-Security-Policy <meta> in']);
  });
});
