// The troubleshooting topic's playbooks keep the shape an on-call engineer relies on (checked on the MDX).
import { describe, expect, it } from 'vitest';
import type { Code, Nodes, RootContent } from 'mdast';
import { loadContent } from '../../src/lib/content-scan.ts';
import { plainText } from '../../src/lib/mdast-text.ts';
import { displayPath } from '../../src/lib/content-error.ts';
import { PLAYBOOK_SECTIONS } from '../../src/lib/playbooks.ts';
import type { ContentPage, PageQuestion } from '../../src/lib/types.ts';

const TOPIC = 'troubleshooting';
const SECTIONS: readonly string[] = PLAYBOOK_SECTIONS;
/** The symptoms the issue asks for, each a playbook with this question id. */
export const REQUIRED_PLAYBOOKS = [
  'ts-pod-pending',
  'ts-crashloopbackoff',
  'ts-imagepullbackoff',
  'ts-oomkilled',
  'ts-create-container-config-error',
  'ts-pod-terminating',
  'ts-pod-evicted',
  'ts-node-notready',
  'ts-service-unreachable',
  'ts-dns-resolution',
  'ts-tls-x509',
  'ts-apiserver-etcd-errors',
  'ts-cross-node-network',
  'ts-routing-kernel-params',
  'ts-firewall',
  'ts-pvc-pending-mount',
  'ts-ingress-errors',
  'ts-hpa-not-scaling',
  'ts-rollout-stuck',
  'ts-forbidden-rbac',
  'ts-config-errors',
];

const pages = loadContent().filter((p) => p.topic === TOPIC);

/** A question's section: its question, its page, and the top-level nodes after its heading. */
interface QuestionSection {
  q: PageQuestion;
  page: ContentPage;
  nodes: RootContent[];
}

/** Question sections of a page: the question heading and the nodes up to the next heading of its level. */
function sections(page: ContentPage): QuestionSection[] {
  const out: QuestionSection[] = [];
  let current: QuestionSection | null = null;
  for (const node of page.tree.children) {
    if (node.type === 'heading') {
      const q = page.questions.find((x) => x.line === node.position?.start.line);
      if (q) {
        current = { q, page, nodes: [] };
        out.push(current);
        continue;
      }
      if (current && node.depth <= current.q.depth) current = null;
    }
    current?.nodes.push(node);
  }
  return out;
}

const all = pages.flatMap(sections);
const isPlaybook = (s: QuestionSection): boolean => s.nodes.some((n) => n.type === 'heading' && n.depth === 3 && plainText(n).trim() === SECTIONS[0]);
const playbooks = all.filter(isPlaybook);
const at = (s: QuestionSection): string => `${displayPath(s.page.file)}:${s.q.line} (${s.q.id})`;

describe('troubleshooting playbooks', () => {
  it('every symptom the knowledge base promises has a playbook', () => {
    const ids = new Set(playbooks.map((s) => s.q.id));
    expect(REQUIRED_PLAYBOOKS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(playbooks.map((s): [string, QuestionSection] => [s.q.id, s]))('%s has the five sections (症状, 先跑这几条, 排查决策树, 原因与处理 … 相关知识) in order, a decision-tree flowchart, causes and commands', (_, s) => {
    const h3 = s.nodes.filter((n) => n.type === 'heading' && n.depth === 3).map((n) => plainText(n).trim());
    // The four working sections open the playbook in this order and 相关知识 closes it; extra sections such as
    // “回滚止血” may stand between 原因与处理 and 相关知识.
    expect(h3.slice(0, 4), at(s)).toEqual(SECTIONS.slice(0, 4));
    expect(h3.at(-1), at(s)).toBe(SECTIONS[4]);
    expect(h3.filter((h) => SECTIONS.includes(h)), at(s)).toEqual(SECTIONS);
    // The decision tree: exactly one Mermaid flowchart under 排查决策树.
    const start = s.nodes.findIndex((n) => n.type === 'heading' && n.depth === 3 && plainText(n).trim() === '排查决策树');
    const end = s.nodes.findIndex((n, i) => i > start && n.type === 'heading' && n.depth === 3);
    const tree = s.nodes.slice(start, end).filter((n): n is Code => n.type === 'code' && n.lang === 'mermaid');
    expect(tree.length, `${at(s)}: one mermaid block under 排查决策树`).toBe(1);
    expect(tree[0].value, at(s)).toMatch(/^\s*(flowchart|graph)\b/);
    // Causes are #### headings under 原因与处理.
    const causesAt = s.nodes.findIndex((n) => n.type === 'heading' && n.depth === 3 && plainText(n).trim() === '原因与处理');
    const causesEnd = s.nodes.findIndex((n, i) => i > causesAt && n.type === 'heading' && n.depth === 3);
    const causes = s.nodes.slice(causesAt, causesEnd).filter((n) => n.type === 'heading' && n.depth === 4);
    expect(causes.length, `${at(s)}: causes as #### headings`).toBeGreaterThanOrEqual(2);
    // Symptoms quote the exact strings (a text block), triage and causes have runnable commands.
    expect(s.nodes.some((n) => n.type === 'code' && n.lang === 'text'), `${at(s)}: exact strings in a text block`).toBe(true);
    expect(s.nodes.filter((n) => n.type === 'code' && n.lang === 'bash').length, `${at(s)}: bash blocks`).toBeGreaterThanOrEqual(1);
  });

  it('the symptom index (topic overview) links every playbook', () => {
    const index = pages.find((p) => p.slug === TOPIC);
    expect(index, 'content/docs/troubleshooting/index.mdx').toBeTruthy();
    const links: string[] = [];
    const walk = (n: Nodes): void => {
      if (n.type === 'link') links.push(n.url);
      if ('children' in n) n.children?.forEach(walk);
    };
    if (!index) throw new Error('content/docs/troubleshooting/index.mdx is missing'); // (unreachable: the expect above fails first)
    walk(index.tree);
    const missing = playbooks.filter((s) => !links.some((u) => u === `/${s.page.slug}/#${s.q.id}` || u.startsWith(`/${s.page.slug}/#${s.q.id}-`)));
    expect(missing.map(at)).toEqual([]);
  });

  it('commands in playbooks are written for today: no shell prompts to paste, no iptables flush', () => {
    const problems: string[] = [];
    for (const s of playbooks) {
      for (const n of s.nodes) {
        if (n.type !== 'code' || n.lang !== 'bash') continue;
        n.value.split('\n').forEach((line, i) => {
          if (/^\s*\$ /.test(line)) problems.push(`${at(s)} bash line ${i + 1}: shell prompt "$ " cannot be pasted`);
          if (/\biptables\s+(-F|--flush)\b/.test(line)) problems.push(`${at(s)} bash line ${i + 1}: flushing iptables breaks kube-proxy and the CNI`);
        });
      }
    }
    expect(problems).toEqual([]);
  });
});
