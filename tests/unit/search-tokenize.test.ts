import { describe, expect, it } from 'vitest';
import {
  correct,
  displayText,
  editDistance,
  englishBase,
  otherNumber,
  hanBigrams,
  hanToken,
  indexText,
  intlSegmenter,
  isFiller,
  kubectlVerb,
  latinWords,
  chineseFor,
  normalizeQuery,
  queryUnits,
  glueWords,
  tokenChars,
} from '../../src/search/tokenize.ts';

const segment = intlSegmenter();
const texts = (q: string) => queryUnits(q, segment).map((u) => u.text);

describe('index words (src/search/tokenize.ts)', () => {
  it('cuts Chinese into overlapping bigrams and writes each as an ASCII word', () => {
    expect(hanBigrams('存活探针')).toEqual(['存活', '活探', '探针']);
    expect(hanBigrams('锁')).toEqual(['锁']);
    expect(hanToken('镜像')).toMatch(/^zq[bcdfghjkmnpqrtvwxz]{8}$/);
    expect(tokenChars(hanToken('镜像'))).toBe('镜像');
    expect(tokenChars(hanToken('锁'))).toBe('锁');
    expect(tokenChars(hanToken('𠀀像'))).toBe('𠀀像');
    expect(tokenChars('kubelet')).toBeUndefined();
    expect(indexText('kubelet 的存活探针')).toBe(`kubelet ${['的存', '存活', '活探', '探针'].map(hanToken).join(' ')}`);
  });

  it('turns indexed text back into what the page says (sub-result titles)', () => {
    for (const s of ['Kubernetes 中的对应', '镜像分层', 'crictl 的配置与常用组合']) {
      expect(displayText(indexText(s))).toBe(s);
    }
    // Chinese punctuation stands apart, so the words around it are indexed whole (watcher、inotify_init).
    expect(indexText('watcher、inotify_init）')).toBe('watcher 、 inotify_init )');
    expect(displayText(indexText('（fsnotify watcher、inotify_init）'))).toBe('(fsnotify watcher、inotify_init)');
    // Full-width forms are folded (NFKC) so that ｋｕｂｅｌｅｔ matches kubelet.
    expect(displayText(indexText('污点未容忍（had untolerated taint）'))).toBe('污点未容忍 (had untolerated taint)');
  });

  it('lists the Latin vocabulary as Pagefind indexes it (compounds also joined)', () => {
    expect(latinWords('kube-proxy 与 x509、PV、6443 端口、1 个')).toEqual(expect.arrayContaining(['kube', 'proxy', 'kubeproxy', 'x509', 'pv', '6443']));
    expect(latinWords('1 个')).toEqual([]);
    // Pagefind keeps `_` inside a word (its WORD_SYMBOLS), so the whole compound keeps it too.
    expect(latinWords('net.ipv4.ip_forward 与 inotify_init')).toEqual(expect.arrayContaining(['ip', 'forward', 'netipv4ip_forward', 'inotify', 'init', 'inotify_init']));
    expect(latinWords('inotify_init')).not.toContain('inotifyinit');
  });
});

describe('query side', () => {
  it('strips what varies between incidents from a pasted message', () => {
    const q = normalizeQuery(
      'Warning  Unhealthy  3m (x5 over 4m)  kubelet  Liveness probe failed: Get "http://10.244.1.5:8080/healthz": context deadline exceeded\n' +
        'Normal Killing 2m kubelet Container web failed liveness probe, will be restarted pod/web-7d4b9c6f8-x2k4p sha256:4f2a9c1e0b7d',
    );
    expect(q).not.toMatch(/10\.244|8080|x5|3m|4m|x2k4p|7d4b9c6f8|4f2a9c1e0b7d|\n/);
    expect(q).toContain('Liveness probe failed');
    expect(q).toContain('context deadline exceeded');
  });

  it('keeps the Warning lines of a pasted Events block', () => {
    const q = normalizeQuery(
      'Events:\n  Type     Reason     Age   From               Message\n  ----     ------     ----  ----               -------\n  Normal   Scheduled  2m    default-scheduler  Successfully assigned default/web-0 to node-2\n  Warning  BackOff    12s   kubelet            Back-off restarting failed container web',
    );
    expect(q).toContain('Back-off restarting failed container');
    expect(q).not.toMatch(/Scheduled|Successfully assigned|Reason/);
  });

  it('drops klog headers, timestamps, UIDs and quoted object names, keeps codes that pages mention', () => {
    const q = normalizeQuery(
      'E1206 10:01:02.123456    1234 kubelet.go:2407] "Error syncing pod" pod="default/web-0" podUID=3f2a1b4c-1d2e-4f5a-8b9c-0d1e2f3a4b5c err="exit code 137" 2024-05-01T10:00:00Z',
    );
    expect(q).not.toMatch(/E1206|kubelet\.go|3f2a1b4c|2024-05-01|web-0/);
    expect(q).toContain('137');
    expect(normalizeQuery('kubectl get --raw "/apis/metrics.k8s.io/v1beta1/nodes" | jq')).toContain('/apis/metrics.k8s.io/v1beta1/nodes');
  });

  it('gives English words of an English question the Chinese word the site uses', () => {
    expect(chineseFor('isolate')).toBe('隔离');
    expect(chineseFor('namespaces')).toBe('命名空间');
    expect(chineseFor('scheduled')).toBe('调度');
    expect(chineseFor('kubelet')).toBeUndefined();
    const units = queryUnits('How do you isolate traffic between namespaces?', segment);
    expect(units.find((u) => u.text === 'isolate')?.zh).toBe('隔离');
    expect(units.find((u) => u.text === 'traffic')?.zh).toBe('流量');
    // Question words are not translated.
    expect(units.find((u) => u.text === 'how')?.zh).toBeUndefined();
  });

  it('splits a query into Latin words, compounds and Chinese words, with question words marked', () => {
    const units = queryUnits('为什么 Pod 一直 Pending？kube-proxy 的 iptables 规则', segment);
    expect(units.find((u) => u.text === '为什么')?.stop).toBe(true);
    expect(units.map((u) => u.text)).toEqual(expect.arrayContaining(['pod', 'pending', 'kubeproxy', 'iptables', '规则']));
    expect(units.find((u) => u.text === 'kubeproxy')?.parts).toEqual(['kube', 'proxy']);
    // As Pagefind indexes it: the underscore stays in the whole word.
    expect(queryUnits('failed to run Kubelet: inotify_init: too many open files', segment).find((u) => u.parts)).toMatchObject({ text: 'inotify_init', parts: ['inotify', 'init'] });
  });

  it('joins single characters the segmenter splits off (探|针) and drops sentence particles', () => {
    expect(texts('存活探针')).toContain('探针');
    expect(texts('的镜像')).toEqual(['镜像']);
    expect(isFiller('它在')).toBe(true);
    expect(isFiller('更新')).toBe(false);
  });

  it('drops locatives the segmenter joins to the next word, not the first character of a word', () => {
    // Cuts as Intl.Segmenter (ICU) makes them.
    const cuts: Record<string, string[]> = { 中重启: ['中', '重', '启'], 内的网络: ['内的', '网络'], 内存不足: ['内存', '不足'], 内核参数: ['内', '核', '参数'], 集群中的节点: ['集群', '中的', '节点'] };
    const cut = (text: string) => cuts[text] ?? [text];
    const words = (q: string) => queryUnits(q, cut).map((u) => u.text);
    expect(words('Kubernetes中重启Pod')).toEqual(['kubernetes', '重启', 'pod']);
    expect(words('pod内的网络')).toEqual(['pod', '网络']);
    expect(words('集群中的节点')).toEqual(['集群', '节点']);
    expect(words('pod内存不足')).toEqual(['pod', '内存', '不足']);
    expect(words('linux内核参数')).toEqual(['linux', '内核', '参数']);
    expect(queryUnits('构建时使用缓存', () => ['构', '建', '时', '使用', '缓', '存']).map((u) => u.text)).toEqual(['构建', '使用', '缓存']);
    expect(queryUnits('实时', () => ['实', '时']).map((u) => u.text)).toEqual(['实时']);
  });

  it('reads machine-translated and Chinese names of things as the pages name them', () => {
    expect(normalizeQuery('Sidecar類型容器和Init容器的區別在哪')).toBe('Sidecar类型容器和Init容器的区别在哪');
    expect(normalizeQuery('叢集的記憶體與網路')).toBe('集群的内存与网络');
    expect(normalizeQuery('显著')).toBe('显著');
    expect(normalizeQuery('Kubernetes 中的暂停图像有什么用')).toContain('暂停镜像');
    expect(normalizeQuery('豆荚和守护进程集')).toMatch(/pod .*daemonset/);
    expect(normalizeQuery('服务账户的令牌')).toContain('serviceaccount');
  });

  it('keeps the bigram across a segmenter cut for words cut apart (虚拟|机快 → 拟机)', () => {
    const cut: typeof segment = () => ['为什么', '比', '虚拟', '机', '快'];
    const units = queryUnits('为什么比虚拟机快', cut);
    expect(units.find((u) => u.text === '机快')?.bridge).toBe('拟机');
    // After a particle there is nothing to bridge.
    expect(queryUnits('的镜像', () => ['的', '镜', '像'])[0]?.bridge).toBeUndefined();
  });

  it('joins a character the segmenter leaves alone to the word the site writes it with (glue), and only then', () => {
    const cuts: Record<string, string[]> = { 根容器: ['根', '容器'], 的根容器: ['的', '根', '容器'], 宿主机: ['宿', '主机'], 多少层: ['多少', '层'], 打污点: ['打', '污点'], 怎么做: ['怎么', '做'] };
    const cut = (text: string) => cuts[text] ?? [text];
    const glue = new Set(glueWords(['Pod 的根容器', '宿主机', '怎么做', '多少层'], cut));
    expect([...glue].sort()).toEqual(['多少层', '宿主机', '根容器']); // not 怎么|做: a question word
    const words = (q: string) => queryUnits(q, cut, glue).map((u) => u.text);
    expect(words('pod的根容器')).toEqual(['pod', '根容器']);
    expect(words('宿主机')).toEqual(['宿主机']);
    expect(words('多少层')).toEqual(['多少层']);
    // Not in the site's titles: the character stays dropped as before.
    expect(words('打污点')).toEqual(['污点']);
    expect(queryUnits('pod的根容器', cut).map((u) => u.text)).toEqual(['pod', '容器']);
  });

  it('drops a command\'s placeholders and keeps the fields a template names', () => {
    expect(normalizeQuery('kubectl cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar')).toBe('kubectl cp / :/tmp/foo /tmp/bar');
    expect(normalizeQuery('docker network create -d [mode_type] net_name')).toBe('docker network create -d net_name');
    expect(normalizeQuery("kubectl get pod -o template --template='{{.status.qosClass}}'")).toBe("kubectl get pod -o template --template=' status qosClass '");
    expect(normalizeQuery("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web")).toBe("docker inspect -f ' NetworkSettings Networks IPAddress ' web");
    expect(normalizeQuery("kubectl get pods -o jsonpath='{.items[*].metadata.name}'")).toBe("kubectl get pods -o jsonpath=' items metadata name '");
    expect(texts('kubectl cp <pod>:/tmp/foo /tmp/bar').filter((t) => t !== 'tmp')).toEqual(['kubectl', 'cp', 'kubectl cp', 'foo', 'bar']);
    expect(queryUnits('kubectl cp a b', segment).find((u) => u.text === 'foo')).toBeUndefined();
    expect(queryUnits('foo bar', segment).every((u) => u.stop)).toBe(true);
  });

  it('reads a tool and its subcommand as one phrase (docker cp), not a tool and its first argument', () => {
    const phrase = (q: string) => queryUnits(q, segment).filter((u) => u.phrase).map((u) => u.terms);
    expect(phrase('docker cp my-nginx:/etc/nginx/nginx.conf .')).toEqual([['docker', 'cp']]);
    expect(phrase('kubeadm token create --print-join-command')).toEqual([['kubeadm', 'token']]);
    expect(phrase('crictl rmi 删除镜像')).toEqual([['crictl', 'rmi']]);
    expect(phrase('kubectl get pod -w')).toEqual([]); // get: a function word
    expect(phrase('docker 和 containerd 的区别')).toEqual([]);
  });

  it('reads k8 and k8s as Kubernetes, not inside a name', () => {
    expect(normalizeQuery('prometheus对k8的监控')).toBe('prometheus对 kubernetes 的监控');
    expect(normalizeQuery('K8s集群')).toBe('kubernetes 集群');
    expect(normalizeQuery('registry.k8s.io/pause')).toBe('registry.k8s.io/pause');
  });

  it('finds the other number of an English noun when the index holds both (pods ↔ pod), not for -ss/-us words', () => {
    const vocab = new Set(['pod', 'pods', 'request', 'requests', 'policy', 'policies', 'process', 'processes', 'status', 'statu', 'ingres', 'ingress']);
    const has = (w: string) => vocab.has(w);
    const cases: Array<[string, string | undefined]> = [
      ['pods', 'pod'], ['pod', 'pods'], ['request', 'requests'], ['policy', 'policies'], ['policies', 'policy'],
      ['processes', 'process'], ['process', 'processes'], ['status', undefined], ['ingress', undefined], ['limit', undefined],
    ];
    for (const [word, other] of cases) expect(otherNumber(word, has), word).toBe(other);
  });

  it('drops the number of a question copied from a list, not versions or pids', () => {
    expect(normalizeQuery('【Q040】k8s 由那些组件组成')).toBe('kubernetes 由那些组件组成');
    expect(normalizeQuery('Q7: 什么是 pod')).toBe('什么是 pod');
    expect(normalizeQuery('12、Pod 的重启策略')).toBe('Pod 的重启策略');
    expect(normalizeQuery('1.24 以后如何使用 docker')).toBe('1.24 以后如何使用 docker');
  });

  it('searches a release as Pagefind indexes it (1.24 → 124, v1.35 → v135), not other dotted numbers', () => {
    const seg = intlSegmenter();
    expect(queryUnits('k8s 1.24以后如何使用docker', seg).map((u) => u.text)).toEqual(expect.arrayContaining(['124', 'docker']));
    expect(queryUnits('v1.35 起 GA', seg).map((u) => u.text)).toContain('v135');
    expect(queryUnits('runc 1.1.12 1.2.3.4.5', seg).map((u) => u.text)).toEqual(['runc', '1112']);
  });

  it('searches a lone Chinese character only when it is the whole query', () => {
    const seg = intlSegmenter();
    expect(queryUnits('对k8s中Service的理解', seg).map((u) => u.text)).toEqual(['kubernetes', 'service', '理解']);
    expect(queryUnits('锁', seg).map((u) => u.text)).toEqual(['锁']);
  });

  it('finds the indexed base form of an inflected English word', () => {
    const vocab = new Set(['class', 'node', 'delete', 'evict', 'run', 'policy', 'patch', 'stop']);
    const has = (w: string) => vocab.has(w);
    const cases: Array<[string, string | undefined]> = [
      ['classes', 'class'], ['nodes', 'node'], ['deleted', 'delete'], ['evicted', 'evict'], ['running', 'run'],
      ['policies', 'policy'], ['patches', 'patch'], ['stopped', 'stop'], ['status', undefined],
    ];
    for (const [word, base] of cases) expect(englishBase(word, has), word).toBe(base);
  });

  it('reads a mistyped kubectl subcommand as the nearest one (only right after kubectl)', () => {
    expect(kubectlVerb('drill')).toBe('drain');
    expect(kubectlVerb('desribe')).toBe('describe');
    expect(kubectlVerb('describe')).toBeUndefined();
    expect(kubectlVerb('foo')).toBeUndefined();
    const units = queryUnits('kubectl drill node', segment);
    expect(units.find((u) => u.text === 'drill')?.afterKubectl).toBe(true);
    expect(units.find((u) => u.text === 'node')?.afterKubectl).toBeUndefined();
  });

  it('corrects misspellings to an indexed word, but not short or plain words into another', () => {
    const vocab = ['kubernetes', 'nginx', 'noschedule', 'daemonset', 'string', 'root', 'label', 'linux'];
    expect(correct('kubenetes', vocab)).toBe('kubernetes');
    expect(correct('ngnix', vocab)).toBe('nginx');
    expect(correct('noscheduale', vocab)).toBe('noschedule');
    expect(correct('demonset', vocab)).toBe('daemonset');
    expect(correct('lable', vocab)).toBe('label');
    expect(correct('spring', vocab)).toBeUndefined();
    expect(correct('boot', vocab)).toBeUndefined();
    expect(correct('portainer', ['container'])).toBeUndefined();
    expect(editDistance('linxu', 'linux', 1)).toBe(1);
  });
});
