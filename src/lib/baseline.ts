// The one Kubernetes release the site's content is checked against. Bump it only after re-checking every
// version note (see CONTRIBUTING: “版本基线”). Content writes `{K8S}` where the baseline belongs:
// in MDX text (src/plugins/remark-baseline.ts) and in frontmatter description / hero.tagline (src/content.config.ts).
export const K8S_BASELINE = 'v1.37';

/** Minor version number of the baseline (37 for v1.37). */
export const K8S_BASELINE_MINOR = Number(K8S_BASELINE.split('.')[1]);

export const BASELINE_TOKEN = '{K8S}';

/** Replaces every `{K8S}` in a frontmatter string with the baseline. */
export function fillBaseline(text: string): string {
  return text.split(BASELINE_TOKEN).join(K8S_BASELINE);
}

export interface BaselineProblem {
  line: number;
  message: string;
}

const NAMED_RELEASE = /Kubernetes\s*v?1\.(\d+)/;
// “按 Kubernetes 1.34 校订”, “以 Kubernetes v1.34 为准”: a baseline written by hand.
const HAND_BASELINE = /(?:按|以)[^。；\n]{0,12}Kubernetes\s*v?1\.\d+[^。；\n]{0,30}(?:校订|为准)/;
// “当前版本是 v1.36”, “最新的 v1.35”, “v1.35 是当前版本”: another release called current.
const CALLED_CURRENT = [
  /(?:当前|目前|最新)(?:的)?(?:稳定)?(?:版本|发行版|次版本|release)?\s*(?:是|为)?\s*(?:Kubernetes\s*)?v?1\.(\d+)(?![.\d])/g,
  /(?:Kubernetes\s*)?v?1\.(\d+)(?![.\d])\s*(?:是|为)\s*(?:当前|目前|最新)/g,
];

/**
 * Where an MDX source names a baseline release by hand instead of `{K8S}`, or calls a release other than the
 * baseline the current one. `frontmatterKeys` are checked for any release name at all (description, tagline).
 */
export function baselineProblems(source: string): BaselineProblem[] {
  const problems: BaselineProblem[] = [];
  const lines = source.split('\n');
  let inFrontmatter = lines[0] === '---';
  let inFence = false;
  lines.forEach((text, i) => {
    const line = i + 1;
    if (i > 0 && inFrontmatter && text === '---') {
      inFrontmatter = false;
      return;
    }
    if (inFrontmatter) {
      const m = /^\s*(description|tagline):/.exec(text) && NAMED_RELEASE.exec(text);
      if (m) problems.push({ line, message: `frontmatter names Kubernetes 1.${m[1]}; write {K8S} for the baseline (${K8S_BASELINE})` });
      return;
    }
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    if (inFence) return;
    if (HAND_BASELINE.test(text)) problems.push({ line, message: `baseline written by hand; write “按 Kubernetes {K8S} 校订”` });
    for (const re of CALLED_CURRENT) {
      for (const m of text.matchAll(re)) {
        if (Number(m[1]) !== K8S_BASELINE_MINOR)
          problems.push({ line, message: `calls 1.${m[1]} current, but the baseline is ${K8S_BASELINE} (write {K8S} or drop “当前/最新”)` });
      }
    }
  });
  return problems;
}
