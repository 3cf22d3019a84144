// Shell commands of the knowledge base: which bash blocks a page has, under which step (heading) they stand,
// and how a block splits into commands. The troubleshooting cheat sheet is generated from this at build time.
import { visit } from 'unist-util-visit';
import { plainText } from './mdast-text.ts';
import type { Root } from 'mdast';
// Type-only: adds `data.hProperties` (where the question plugin writes heading ids) to mdast nodes.
import type {} from 'mdast-util-to-hast';
import type { BashBlock, CommandGroup } from './types.ts';

/**
 * Bash blocks of a page in document order, each with the heading it stands under.
 * Call after the question plugin has set heading ids (question and sub-heading ids live in hProperties).
 */
export function bashBlocks(tree: Root): BashBlock[] {
  const blocks: BashBlock[] = [];
  let question: { id: string | null; title: string; depth: number } = { id: null, title: '', depth: 0 };
  let step: { id: string | null; text: string } = { id: null, text: '' };
  visit(tree, (node) => {
    if (node.type === 'heading') {
      // extractQuestions (questions.ts) writes heading ids as strings; hast's Properties type allows any value.
      const id = (node.data?.hProperties?.id ?? null) as string | null;
      const text = plainText(node).replace(/\s+/g, ' ').trim();
      if (node.data?.hProperties?.['data-question'] !== undefined) question = { id, title: text, depth: node.depth };
      else if (question.id && node.depth <= question.depth) question = { id: null, title: '', depth: 0 };
      step = { id, text };
      return 'skip';
    }
    if (node.type === 'code' && node.lang === 'bash') {
      blocks.push({ code: node.value, stepId: step.id, step: step.text, questionId: question.id, question: question.title });
    }
  });
  return blocks;
}

/**
 * Splits a bash block into commands: comment and blank lines dropped, `\` continuations and here-documents
 * kept together with the line that starts them.
 */
export function splitCommands(code: string): string[] {
  const lines = code.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || /^\s*#/.test(line)) continue;
    let cmd = line;
    while (/\\\s*$/.test(cmd.split('\n').at(-1) ?? '') && i + 1 < lines.length) cmd += `\n${lines[++i]}`;
    const heredoc = /<<-?\s*(['"]?)([A-Za-z_][\w]*)\1/.exec(cmd);
    if (heredoc) {
      const end = heredoc[2];
      while (i + 1 < lines.length) {
        cmd += `\n${lines[++i]}`;
        if (lines[i].trim() === end) break;
      }
    }
    out.push(cmd.replace(/\s+$/, ''));
  }
  return out;
}

const GROUPS: CommandGroup[] = [
  { id: 'kubectl', label: 'kubectl', tools: ['kubectl'] },
  { id: 'runtime', label: '容器运行时：crictl、nerdctl、ctr（旧版 docker）', tools: ['crictl', 'nerdctl', 'ctr', 'containerd', 'skopeo', 'docker'] },
  { id: 'systemd', label: 'journalctl 与 systemctl', tools: ['journalctl', 'systemctl'] },
  { id: 'netfilter', label: 'iptables、nft、ipvsadm 与防火墙', tools: ['iptables', 'iptables-save', 'ip6tables', 'ip6tables-save', 'iptables-legacy-save', 'iptables-nft-save', 'nft', 'ipvsadm', 'ipset', 'firewall-cmd', 'ufw'] },
  { id: 'conntrack', label: 'conntrack', tools: ['conntrack'] },
  { id: 'tcpdump', label: 'tcpdump', tools: ['tcpdump'] },
  { id: 'network', label: 'ip、ss 与连通性', tools: ['ip', 'ss', 'ping', 'nc', 'curl', 'wget', 'traceroute', 'tracepath', 'mtr', 'ethtool', 'bridge', 'arp', 'netstat'] },
  { id: 'cni', label: 'CNI 工具：calicoctl、cilium、hubble', tools: ['calicoctl', 'cilium', 'cilium-dbg', 'hubble'] },
  { id: 'dns', label: 'dig 与 nslookup', tools: ['dig', 'nslookup', 'host', 'getent'] },
  { id: 'openssl', label: 'openssl', tools: ['openssl'] },
  { id: 'etcd', label: 'etcdctl 与 etcdutl', tools: ['etcdctl', 'etcdutl'] },
  { id: 'kubeadm', label: 'kubeadm', tools: ['kubeadm'] },
  { id: 'kernel', label: '内核、进程与文件系统', tools: ['sysctl', 'modprobe', 'lsmod', 'dmesg', 'nsenter', 'ps', 'top', 'free', 'df', 'du', 'mount', 'findmnt', 'lsof', 'uname', 'cat', 'ls', 'grep', 'stat', 'timedatectl', 'chronyc', 'ulimit', 'pidstat', 'vmstat', 'iostat', 'lsblk', 'blkid', 'readlink', 'tail', 'head', 'find', 'chroot', 'jq', 'swapoff', 'sed', 'mkdir', 'cp', 'mv', 'rm', 'date', 'fio', 'nstat', 'sleep', 'echo', 'export'] },
];
/** The group for tools no other group lists. */
const OTHER: CommandGroup = { id: 'other', label: '其他', tools: [] };
export const COMMAND_GROUPS: CommandGroup[] = [...GROUPS, OTHER];

/** The program a command runs: the first word after sudo, env assignments, `VAR=$(`, `(` and `!`. */
export function commandTool(cmd: string): string {
  let s = cmd.trim();
  for (;;) {
    const before = s;
    s = s.replace(/^(sudo|time|watch|env|nohup|exec|command|!)\s+(-\S+\s+)*/, '');
    s = s.replace(/^[A-Za-z_]\w*=\$\(\s*/, '');
    s = s.replace(/^[A-Za-z_]\w*=("[^"]*"|'[^']*'|\S*)\s+/, '');
    s = s.replace(/^[({]\s*/, '');
    if (s === before) break;
  }
  return (/^[\w.-]+/.exec(s)?.[0] ?? '').toLowerCase();
}

/** The tool's group; the last group (其他) for tools no group lists. */
export function commandGroup(cmd: string): CommandGroup {
  const tool = commandTool(cmd);
  return COMMAND_GROUPS.find((g) => g.tools.includes(tool)) ?? OTHER;
}
