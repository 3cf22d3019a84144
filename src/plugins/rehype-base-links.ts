// Authors write site links and images without the base path: [x](/architecture/components/#kube-apiserver),
// ![图](/images/x.png) for public/images/x.png. This step prefixes them with the configured base, so the same MDX
// works under `/` and `/k8s-kb`.
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

/** Elements whose `src` is a file of the site (public/). */
const SRC_ELEMENTS = new Set(['img', 'source', 'video', 'audio', 'track']);

/** Rewrites `<a href>`, `<img src>` (and other media `src`) and MDX JSX `href="…"`/`src="…"` attributes with `withBase`. */
const rehypeBaseLinks: Plugin<[RehypeBaseLinksOptions?], Root> = function ({ base = '/' } = {}) {
  return (tree) => {
    visit(tree, (node) => {
      if (node.type === 'element' && node.tagName === 'a' && node.properties?.href) {
        node.properties.href = withBase(node.properties.href, base);
      } else if (node.type === 'element' && SRC_ELEMENTS.has(node.tagName) && node.properties?.src) {
        node.properties.src = withBase(node.properties.src, base);
      } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.attributes) {
        for (const attr of node.attributes) {
          if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') continue;
          if (attr.name === 'href' || (attr.name === 'src' && SRC_ELEMENTS.has(node.name ?? ''))) {
            attr.value = withBase(attr.value, base);
          }
        }
      }
    });
  };
};
export default rehypeBaseLinks;
