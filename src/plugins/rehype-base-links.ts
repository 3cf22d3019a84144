// Authors write site links without the base path: [x](/architecture/components/#kube-apiserver).
// This step prefixes them with the configured base, so the same MDX works under `/` and `/k8s-kb`.
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/** Options of `rehypeBaseLinks`. */
export interface RehypeBaseLinksOptions {
  /** The site's base path (Astro's `base`, e.g. `/k8s-kb`); `/` (the default) leaves links as written. */
  base?: string;
}

/**
 * Prefixes a site-root link (`/etcd/`) with `base`; anything else (anchors, relative, protocol-relative and
 * external links, non-string values) comes back unchanged.
 */
export function withBase<T>(href: T, base: string): T | string {
  if (typeof href !== 'string' || !href.startsWith('/') || href.startsWith('//')) return href;
  const b = base.replace(/\/+$/, '');
  return b ? `${b}${href}` : href;
}

/** Rewrites `<a href>` and MDX JSX `href="…"` attributes with `withBase`. */
const rehypeBaseLinks: Plugin<[RehypeBaseLinksOptions?], Root> = function ({ base = '/' } = {}) {
  return (tree) => {
    visit(tree, (node) => {
      if (node.type === 'element' && node.tagName === 'a' && node.properties?.href) {
        node.properties.href = withBase(node.properties.href, base);
      } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.attributes) {
        for (const attr of node.attributes) {
          if (attr.type === 'mdxJsxAttribute' && attr.name === 'href' && typeof attr.value === 'string') {
            attr.value = withBase(attr.value, base);
          }
        }
      }
    });
  };
};
export default rehypeBaseLinks;
