// Plain text of an mdast node (headings of questions and steps), without the <Q> marker.
export function plainText(node) {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'mdxJsxTextElement' && node.name === 'Q') return '';
  if (node.children) return node.children.map(plainText).join('');
  return '';
}
