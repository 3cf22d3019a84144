// The content lint's per-file cache (src/lint/cache.ts): the same report as without it, from cached results when
// nothing changed, and a fresh check of exactly what changed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, lintContent } from '../../src/lint/lint.ts';
import { fileCheckCache } from '../../src/lint/cache.ts';
import { CacheStore } from '../../src/build-cache/store.ts';
import { topicIds } from '../../src/topics.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-lint-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FM = (title: string) => `---\ntitle: ${title}\ndescription: 一个用于测试内容检查缓存的页面。\n---\n\n`;
const write = (rel: string, text: string) => {
  mkdirSync(join(work, rel, '..'), { recursive: true });
  writeFileSync(join(work, rel), text);
};

write('docs/architecture/a.mdx', `${FM('甲')}## Pod 是什么？ <Q id="cache-pod-what" added />\n\nPod 是 Kubernetes 中最小的调度单位，一组共享网络与存储的容器。\n\n见 [乙](/architecture/b/#cache-node-what) 与 [不存在](/architecture/b/#nope)。\n\n![图](/images/pod.png)\n`);
write('docs/architecture/b.mdx', `${FM('乙')}## Node 是什么？ <Q id="cache-node-what" added />\n\nNode 是运行 Pod 的机器，可以是物理机，也可以是虚拟机。\n`);
write('docs/architecture/broken.mdx', `${FM('丙')}<div>\n\n没有闭合的标签。\n`);
mkdirSync(join(work, 'public'), { recursive: true });

const store = new CacheStore<never>('lint', join(work, 'cache'));
const run = (codeFingerprint = 'code-1') => {
  const cache = fileCheckCache({ codeFingerprint, publicDir: join(work, 'public'), store });
  const opts = { contentDir: join(work, 'docs'), publicDir: join(work, 'public'), topicIds, base: '/k8s-kb' };
  const report = lintContent({ ...opts, cache }).map(formatProblem);
  return { report, uncached: lintContent(opts).map(formatProblem), hits: cache.hits, misses: cache.misses };
};

describe('lint cache', () => {
  it('gives the same report as the uncached lint, from the cache on the second run', () => {
    const first = run();
    expect(first.report).toEqual(first.uncached);
    expect(first.report.some((l) => l.includes('dead anchor "/architecture/b/#nope"'))).toBe(true);
    expect(first.report.some((l) => l.includes('image not found: public/images/pod.png'))).toBe(true);
    expect(first.report.some((l) => l.includes('broken.mdx'))).toBe(true);
    expect([first.hits, first.misses]).toEqual([0, 3]);
    const second = run();
    expect(second.report).toEqual(first.report);
    expect([second.hits, second.misses]).toEqual([3, 0]);
  });

  it('checks again what changed: a file, the public folder, the code', () => {
    run();
    // The anchor the link points at goes away: only b.mdx is checked again, and a.mdx's link is now dead.
    write('docs/architecture/b.mdx', `${FM('乙')}## Node 是什么？ <Q id="cache-node-renamed" added />\n\nNode 是运行 Pod 的机器，可以是物理机，也可以是虚拟机。\n`);
    const edited = run();
    expect([edited.hits, edited.misses]).toEqual([2, 1]);
    expect(edited.report).toEqual(edited.uncached);
    expect(edited.report.some((l) => l.includes('dead anchor "/architecture/b/#cache-node-what"'))).toBe(true);
    // The image appears in public/: every file is checked again, and the image is found.
    write('public/images/pod.png', 'png');
    const withImage = run();
    expect([withImage.hits, withImage.misses]).toEqual([0, 3]);
    expect(withImage.report.some((l) => l.includes('image not found'))).toBe(false);
    expect(withImage.report).toEqual(withImage.uncached);
    const newCode = run('code-2');
    expect([newCode.hits, newCode.misses]).toEqual([0, 3]);
  });
});
