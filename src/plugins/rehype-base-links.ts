// Authors write site links without the base path: [x](/architecture/components/#kube-apiserver).
// This step prefixes them with the configured base, so the same MDX works under `/` and `/k8s-kb`.
import { visit } from 'unist-util-visit';

export function withBase(href, base) {
  if (typeof href !== 'string' || !href.startsWith('/') || href.startsWith('//')) return href;
  const b = base.replace(/\/+$/, '');
  return b ? `${b}${href}` : href;
}

export default function rehypeBaseLinks({ base = '/' } = {}) {
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
}
