// `{K8S}` in MDX prose is an expression node; it becomes the text of the baseline release (src/lib/baseline.ts),
// so no page names the release it was checked against by hand.
import { K8S_BASELINE } from '../lib/baseline.ts';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

export default function remarkBaseline() {
  return (tree: Node) => {
    const walk = (node: Node) => {
      const kids = node.children;
      if (!kids) return;
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i];
        if ((k.type === 'mdxTextExpression' || k.type === 'mdxFlowExpression') && k.value?.trim() === 'K8S') {
          kids[i] = k.type === 'mdxTextExpression' ? { type: 'text', value: K8S_BASELINE } : { type: 'paragraph', children: [{ type: 'text', value: K8S_BASELINE }] };
        } else walk(k);
      }
      // Join the baseline with the text around it, so the sentence stays one text node.
      for (let i = kids.length - 1; i > 0; i--) {
        if (kids[i].type === 'text' && kids[i - 1].type === 'text') {
          kids[i - 1] = { ...kids[i - 1], value: (kids[i - 1].value ?? '') + (kids[i].value ?? '') };
          kids.splice(i, 1);
        }
      }
    };
    walk(tree);
  };
}
