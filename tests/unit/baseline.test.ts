// One Kubernetes baseline (src/lib/baseline.ts): no page names another release as the one it is checked against,
// and the `{K8S}` placeholder becomes the baseline in prose and frontmatter.
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { baselineProblems, fillBaseline, K8S_BASELINE } from '../../src/lib/baseline.ts';
import remarkBaseline from '../../src/plugins/remark-baseline.ts';
import { loadContent } from '../../src/lib/content-scan.ts';

describe('version baseline', () => {
  it('no content page names a stale baseline or calls another release current', () => {
    const problems = (loadContent() as Array<{ file: string; source: string }>).flatMap((p) =>
      baselineProblems(p.source).map((x) => `${p.file}:${x.line}: ${x.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('catches a hand-written baseline, a stale description and another release called current', () => {
    const page = [
      '---',
      'title: x',
      'description: 讲清某件事（按 Kubernetes 1.34 校订）。',
      '---',
      '所有内容以 Kubernetes v1.35 为准。',
      '当前版本是 v1.36，已经 GA。',
      `当前版本是 ${K8S_BASELINE}。`,
      '```bash',
      'echo 以 Kubernetes 1.30 为准',
      '```',
    ].join('\n');
    expect(baselineProblems(page).map((p) => p.line)).toEqual([3, 5, 6]);
    expect(baselineProblems('本站按 Kubernetes {K8S} 校订。v1.33 起 GA。')).toEqual([]);
  });

  it('fills {K8S} in frontmatter strings and in MDX prose', () => {
    expect(fillBaseline('（按 Kubernetes {K8S} 校订）')).toBe(`（按 Kubernetes ${K8S_BASELINE} 校订）`);
    const tree = unified().use(remarkParse).use(remarkMdx).parse('本站以 Kubernetes {K8S} 为准。');
    remarkBaseline()(tree as never);
    expect(JSON.stringify(tree)).toContain(`Kubernetes ${K8S_BASELINE} 为准`);
    expect(JSON.stringify(tree)).not.toContain('mdxTextExpression');
  });
});
