// Plain text of an mdast node (headings of questions and steps), without the <Q> and <Section /> markers.
import type { Nodes } from 'mdast';
// Type-only: these register the MDX JSX and directive nodes in mdast's node unions.
import type {} from 'mdast-util-mdx';
import type {} from 'mdast-util-directive';

export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'mdxJsxTextElement' && (node.name === 'Q' || node.name === 'Section')) return '';
  // `localhost:8080` parses as a text directive named 8080 where Starlight's directive syntax is on (the build), and
  // Starlight prints an unknown one back as text: count it as the text it shows, so ids agree with the page.
  if (node.type === 'textDirective') return `:${node.name}${(node.children ?? []).map(plainText).join('')}`;
  if ('children' in node && node.children) return node.children.map(plainText).join('');
  return '';
}
