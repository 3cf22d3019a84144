// Text → search terms, shared by the index builder (Node) and the search dialog (browser), so that the index and
// the query are cut the same way.
//
// Chinese has no spaces, and Pagefind's two segmenters disagree: the index side (ICU4X dictionary) keeps 探针 as
// one word while the browser's Intl.Segmenter splits it into 探|针, so a query could miss words the index holds.
// We segment ourselves, identically on both sides: every run of Han characters becomes its overlapping
// character bigrams (存活探针 → 存活 活探 探针), and a query word becomes the same bigrams searched as a phrase.
// Each bigram goes into the index as an ASCII word (`zq` + its two code points in base 28): Pagefind 1.6
// neither re-segments nor stems such a word, and it looks up ASCII words reliably — with Chinese words as index
// terms, its chunk look-up misses some (measured: the exact search "镜像" found nothing on a site full of 镜像).
// Latin words are left to Pagefind (it indexes `kube-proxy` as kubeproxy, kube and proxy, and stems English).

import { flattenPaste } from './paste.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;
// Index words use consonants only: no digits (Pagefind also indexes the parts of a word at letter–digit
// boundaries, x509 → x, 509, which would multiply the index), and no vowels, s, l or y, so that Pagefind's
// English stemmer, which runs on both sides, leaves them whole.
const ALPHABET = 'bcdfghjkmnpqrtvwxz';
const BASE = BigInt(ALPHABET.length);
const OFFSET = 0x3400; // CJK Extension A; the unified block follows. Characters beyond OFFSET + 0xffff use `zx`.

function encode(n: bigint, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = ALPHABET[Number(n % BASE)] + out;
    n /= BASE;
  }
  return out;
}

function decode(s: string): bigint {
  let n = 0n;
  for (const c of s) n = n * BASE + BigInt(ALPHABET.indexOf(c));
  return n;
}

/** The index word of one or two Han characters: 镜像 → zq + 8 letters; 锁 → zj + 4. */
export function hanToken(chars: string): string {
  const cps = [...chars].map((c) => c.codePointAt(0)!);
  const near = cps.every((cp) => cp >= OFFSET && cp - OFFSET < 0x10000);
  if (cps.length === 1) return near ? `zj${encode(BigInt(cps[0]! - OFFSET), 4)}` : `zk${encode(BigInt(cps[0]!), 5)}`;
  if (near) return `zq${encode(BigInt(cps[0]! - OFFSET) * 65536n + BigInt(cps[1]! - OFFSET), 8)}`;
  return `zx${encode(BigInt(cps[0]!) * 2097152n + BigInt(cps[1]!), 10)}`;
}

/** The characters behind an index word, or undefined for an ordinary word. */
export function tokenChars(token: string): string | undefined {
  const m = /^z([qjkx])([bcdfghjkmnpqrtvwxz]+)$/.exec(token);
  if (!m) return undefined;
  const [, kind, body] = m as unknown as [string, string, string];
  const width = { q: 8, j: 4, k: 5, x: 10 }[kind]!;
  if (body.length !== width) return undefined;
  const n = decode(body);
  if (kind === 'j') return String.fromCodePoint(Number(n) + OFFSET);
  if (kind === 'k') return String.fromCodePoint(Number(n));
  if (kind === 'q') return String.fromCodePoint(Number(n / 65536n) + OFFSET, Number(n % 65536n) + OFFSET);
  return String.fromCodePoint(Number(n / 2097152n), Number(n % 2097152n));
}

/** 存活探针 → ['存活', '活探', '探针']; a single character stays as it is. */
export function hanBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Chinese punctuation, which is written without spaces: `kubelet`、`containerd` would be one word to Pagefind
 *  (it splits at whitespace only), “kubeletcontainerd”, and neither word would be indexed whole. */
const CJK_PUNCTUATION = /[\u3000-\u303F\uFF01\uFF08\uFF09\uFF0C\uFF1A\uFF1B\uFF1F\u201C\u201D\u2018\u2019]/g;

/** Index-side text: Han runs replaced by the index words of their bigrams, Chinese punctuation set apart, everything
 *  else as written. */
export function indexText(text: string): string {
  return text
    .replace(CJK_PUNCTUATION, ' $& ')
    .normalize('NFKC')
    .replace(HAN_RUN, (run) => ` ${hanBigrams(run).map(hanToken).join(' ')} `)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Undoes indexText for display (Pagefind's sub-result titles are the indexed text): 在节 节点 点上 → 在节点上. */
export function displayText(indexed: string): string {
  let out = '';
  let prev: string | undefined;
  for (const t of indexed.split(' ')) {
    const chars = tokenChars(t);
    if (chars && prev && [...prev].length === 2 && [...prev][1] === [...chars][0]) out += [...chars][1] ?? '';
    else if (chars && prev) out += chars;
    else out += (out ? ' ' : '') + (chars ?? t);
    prev = chars;
  }
  return out.replace(/ ([，。、：；？！）,.:;?!)”’])/g, '$1').replace(/([（(、，。：；“‘]) /g, '$1');
}

/** Characters that mostly glue a sentence together. A Chinese word made of them that is on no page is filler
 *  (它与, 有何, 要在), not a topic the site lacks (区块链, 微信). */
const FUNCTION_HAN = new Set([...'的了是在有和与或及而且也都就还要会能可把被让给对从向到于以为之其这那它他她我你您们个些么吗呢吧啊哪何谁怎如若则却但并又再很最更太该此每各某等着过来去上下中里外前后所将已经曾正一不没无非几呀嘛样种啥咋']);

// At the end of a run of single characters also 有 (镜|像|有 → 镜像), not at its start (有状态).
const PARTICLES_EDGE = /^[的了吗呢吧啊么嘛呀着过是在和与及或把让给对从向到于以]+|[的了吗呢吧啊么嘛呀着过是在和与及或把让给对从向到于以有]+$/gu;
/**
 * Locatives. The segmenter makes 中的/内的/里的 one word (集群中的节点 → 集群|中的|节点): a particle, dropped. Written
 * right after a Latin word, 中/内/里 belong to it (在 Kubernetes中, pod内), but before single characters they are
 * joined into the next word (Kubernetes中重启 → 中|重|启 → 中重启, found on a few unrelated pages): dropped there
 * (not before a word: pod内存 stays 内存, linux内核参数 stays 内核).
 */
const LOCATIVE_PARTICLES = new Set(['中的', '内的', '里的']);
const LOCATIVES = new Set(['中', '内', '里']);
const PARTICLES_EDGE_START = /^[的了吗呢吧啊么嘛呀着过是在和与及或把让给对从向到于以]+/u;

export function isFiller(word: string): boolean {
  const chars = [...word];
  const glue = chars.filter((c) => FUNCTION_HAN.has(c)).length;
  return chars.length <= 3 ? glue === chars.length : glue * 4 >= chars.length * 3;
}

// ---------------------------------------------------------------------------------------------------------
// Query side

/**
 * Removes what varies from one incident to the next in a pasted message — timestamps, IP addresses and ports,
 * URLs' paths, UIDs and hashes, durations, counters, generated Pod-name suffixes, quoted object names — and
 * keeps the words a page can contain. Multi-line pastes become one line.
 */
/**
 * Traditional characters (Hong Kong, Taiwan) as the pages write them: 區別 → 区别, 類型 → 类型. Only characters whose
 * simplified form is unambiguous; 著 is left alone (显著 is written 顯著).
 */
const TRADITIONAL = '類區別與於將們為個這裡後說時會實現開關點過還麼來對動網絡設計務資訊據庫檔儲間體統機節應戶權證書認測試運維護監調鏡倉層掛載擴縮滾發佈負轉規則處錯誤狀態啟刪創構連線內頁碼續紀錄選擇簡單數條參屬標籤註釋階預變環叢長門問題頭顯種樣從讓給聽見覺觀邊傳輸帳號憑驗鑰圖檢詢歷執複製銷毀壞損壓隊隨穩異斷極較嗎讀寫請響鏈徑義專擁際術語辦總結該難謂無須雜並當進遠遲鐘緒記憶軟雲閘濾達視頻廠產業級億萬歲勢況黨韓華國東車軍陣陽陰隱險雙雖離電靈風飛養餘驅髮鬆鹽麥齊齒龍龜優儀價備儘償兩冊凍劃劑勞勵協卻厭吳員喚喪嚴圍團園圓場塊壇壽夠夢奪奮婦媽學寶審寵尋導屆屍嶺幣幫廣廢彈彙徹恆惡慣憂懷戰掃採換揮搖撥擊擋擬擾攜敗敵斂暫曆朧榮槍樂橋櫃歡殘殺氣決沒減湯溫滿漢澤濕災烏熱爭爾牆獨獲獎瑣畫療盡盤眾確礎禮禪稱窮競筆範築簽糧糾紅約紙細組終經綁綜綠緊編緩練縣繫繼罰羅職聯聲肅脈腦腳臨舊艙莊葉蓋蘭蟲衛衝補裝親觸訂許診詞評詳誠誕課論諾謝識譯議讚財貨質購費賬賽趨跡踐躍軌輕輪農週遷適遺郵鄉醫鋪錢錦鍵鎖鐵閉閒閱闆闡陸雞靜項順領額願飯館駐騙驚鬥鳥麗齡準臺灣裏佔虛縱鬧廳聖歸壯滅燈爐獅瓊畢禦穀竊籠紮絲綱緣縫聞膽膚艦蓮藥蘇蝦蠟襪覽訓託詐誌誇諮謀謎譜貝貢貫貼賀賓賜賦賴贈贊趕輔輯轄辭邏醬釘針鈕銀銳鋼錶鍋閃闊陳靂韌頂頓頗頸頹顆顧颱飄飽餅駕騰驟骯髒鬱魚鮮鳴鴻黃龐舉亂獻藝憲繩鑑鑒彥';
const SIMPLIFIED = '类区别与于将们为个这里后说时会实现开关点过还么来对动网络设计务资讯据库档储间体统机节应户权证书认测试运维护监调镜仓层挂载扩缩滚发布负转规则处错误状态启删创构连线内页码续纪录选择简单数条参属标签注释阶预变环丛长门问题头显种样从让给听见觉观边传输帐号凭验钥图检询历执复制销毁坏损压队随稳异断极较吗读写请响链径义专拥际术语办总结该难谓无须杂并当进远迟钟绪记忆软云闸滤达视频厂产业级亿万岁势况党韩华国东车军阵阳阴隐险双虽离电灵风飞养余驱发松盐麦齐齿龙龟优仪价备尽偿两册冻划剂劳励协却厌吴员唤丧严围团园圆场块坛寿够梦夺奋妇妈学宝审宠寻导届尸岭币帮广废弹汇彻恒恶惯忧怀战扫采换挥摇拨击挡拟扰携败敌敛暂历胧荣枪乐桥柜欢残杀气决没减汤温满汉泽湿灾乌热争尔墙独获奖琐画疗尽盘众确础礼禅称穷竞笔范筑签粮纠红约纸细组终经绑综绿紧编缓练县系继罚罗职联声肃脉脑脚临旧舱庄叶盖兰虫卫冲补装亲触订许诊词评详诚诞课论诺谢识译议赞财货质购费账赛趋迹践跃轨轻轮农周迁适遗邮乡医铺钱锦键锁铁闭闲阅板阐陆鸡静项顺领额愿饭馆驻骗惊斗鸟丽龄准台湾里占虚纵闹厅圣归壮灭灯炉狮琼毕御谷窃笼扎丝纲缘缝闻胆肤舰莲药苏虾蜡袜览训托诈志夸咨谋谜谱贝贡贯贴贺宾赐赋赖赠赞赶辅辑辖辞逻酱钉针钮银锐钢表锅闪阔陈雳韧顶顿颇颈颓颗顾台飘饱饼驾腾骤肮脏郁鱼鲜鸣鸿黄庞举乱献艺宪绳鉴鉴彦';
const T2S = new Map([...TRADITIONAL].map((t, i) => [t, [...SIMPLIFIED][i]!]));

/**
 * Other names for what the pages call by one name: machine-translated interview lists (图像/映像 for image, 豆荚 or
 * 吊舱 for Pod, 守护进程集 for DaemonSet) and Chinese names of API kinds the pages keep in English.
 */
const SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/配置映射/g, ' configmap '],
  [/图像|映像/g, '镜像'],
  [/豆荚|吊舱/g, ' pod '],
  [/守护进程集/g, ' daemonset '],
  [/有状态(?:副本)?集/g, ' statefulset '],
  [/副本集/g, ' replicaset '],
  [/服务[账帐][户号]/g, ' serviceaccount '],
  // The site's subject under its short name: as common (and as little telling) as “kubernetes”.
  // Taiwanese words, after the characters are simplified: 叢集 → 丛集 → 集群.
  [/丛集/g, '集群'],
  [/记忆体/g, '内存'],
  [/网路/g, '网络'],
  [/伺服器/g, '服务器'],
  [/预设/g, '默认'],
  [/程式/g, '程序'],
  [/软体/g, '软件'],
  [/硬碟/g, '硬盘'],
  [/负载平衡/g, '负载均衡'],
  [/布署/g, '部署'],
  [/档案/g, '文件'],
  [/资料库/g, '数据库'],
  // Words for “short of” that the pages write as 不足 (内存不足).
  [/紧缺/g, '不足'],
  // Words the pages write otherwise: 排错 and 故障排除 are 排查 here, 通讯 is 通信.
  [/排错|故障排除/g, '排查'],
  [/通讯/g, '通信'],
  [/次序/g, '顺序'],
  // (Not inside a name: metrics.k8s.io, registry.k8s.io, k8s-app.) Also k8, as some write it.
  [/(?<![\w./-])k8s?(?![\w./-])/gi, ' kubernetes '],
];

export function normalizeQuery(raw: string): string {
  let q = flattenPaste(raw.normalize('NFKC').replace(/\\"/g, '"')).replace(/\t+/g, ' ');
  q = [...q].map((c) => T2S.get(c) ?? c).join('');
  q = q
    // Go templates and JSONPath name fields the pages name: '{{.status.qosClass}}', {.data.password} → status qosClass
    .replace(/\{\{?-?\s*(?:range\s+|with\s+|index\s+)?\$?\.([\w.\[\]*]*)\s*-?\}?\}/g, (_, path: string) => ` ${path.replace(/[.[\]*]+/g, ' ')} `)
    .replace(/\{\{-?\s*end\s*-?\}\}/g, ' ')
    // The number of a question copied from an interview list: 【Q040】, [12], Q7: (not 1.24 or kubelet[485]: text)
    .replace(/[【\[(（]\s*(?:q|no\.?\s*)?\d{1,4}\s*[】\])）]/gi, ' ')
    .replace(/^\s*(?:q\d{1,4}|\d{1,3})\s*[.、:：)）](?!\d)/i, ' ')
    // Placeholders of a command as documented: <pod>, <some-namespace>, [container_name]
    .replace(/<[a-z][\w.-]*>/gi, ' ')
    .replace(/\[[a-z]+(?:_[a-z]+)+\]/gi, ' ')
    // klog header: E1206 10:01:02.123456   1234 file.go:123]
    .replace(/\b[IWEF]\d{4} \d{2}:\d{2}:\d{2}(?:\.\d+)?\s+\d+\s+[\w.-]+\.go:\d+\]/g, ' ')
    // ISO and syslog timestamps
    .replace(/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g, ' ')
    .replace(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\b/g, ' ')
    .replace(/\b\d{2}:\d{2}:\d{2}(?:\.\d+)?\b/g, ' ')
    // URLs: keep the host's words (registry names matter), drop scheme, path and query
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/([^\s/"'<>]+)[^\s"'<>]*/gi, ' $1 ')
    // UIDs, digests and long hex ids
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' ')
    .replace(/\bsha256:[0-9a-f]{6,}/gi, ' ')
    .replace(/\b[0-9a-f]{12,}\b/gi, ' ')
    // IPv4 (with CIDR or port) and IPv6
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?::\d+)?\b/g, ' ')
    .replace(/\[?\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}\]?(?::\d+)?/gi, ' ')
    // durations and counters: 10s, 2m30s, 1.5ms, (x5 over 4m)
    .replace(/\b\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d)(?:\d+(?:\.\d+)?(?:ms|s|m|h))*\b/g, ' ')
    .replace(/\bx\d+\b/g, ' ')
    // generated suffixes: web-7d4b9c6f8-x2k4p, coredns-5d78c9869d-abcde, node-exporter-2x7qk
    .replace(/-[bcdfghjklmnpqrstvwxz2-9]{6,10}-[bcdfghjklmnpqrstvwxz2-9]{5}\b/g, ' ')
    .replace(/-(?=[bcdfghjklmnpqrstvwxz2-9]{5}\b)(?=[a-z]*[2-9])[a-z2-9]{5}\b/g, ' ')
    // quoted names that carry separators or digits are object names: secret "db-pass-v2", pod "web-0" (a quoted
    // path is not: "/apis/metrics.k8s.io/v1beta1/nodes", "/run/flannel/subnet.env" name what the pages name)
    .replace(/["'“”‘’](?!\/)([^"'“”‘’\s]*[-:./_0-9][^"'“”‘’\s]*)["'“”‘’]/g, ' ');
  for (const [re, to] of SYNONYMS) q = q.replace(re, to);
  return q.replace(/\s+/g, ' ').trim();
}

const STOP_LATIN = new Set(
  ('a an the of to in on at by for is are was were be been being and or as it its this that these those with from while when then than ' +
    'has have had do does did can could will would should may might must shall into onto via per i you we they he she my your our their ' +
    'me us them not no vs versus what how why which who whom whose where get got after before again also only just even still very some ' +
    'any each every both all more most other same such own itself themselves there here so too sometimes always never often please help ' +
    'issue problem question anyone someone something way ways use using used seems seem like ' +
    'explain describe difference differences different between happen happens happened possible true false instead ' +
    'directly quickly want need needs mean means meaning really actually usually typically make makes made ' +
    // placeholder names of examples; contractions split at the apostrophe (doesn't → doesn, t)
    'foo bar baz doesn don isn aren wasn weren didn couldn shouldn wouldn hasn haven'
  ).split(' '),
);
/** Words that only make a sentence a question. Dropped when anything else is left. */
const STOP_HAN = new Set(
  '什么 为什么 怎么 怎样 怎么样 如何 哪些 哪个 是否 是不是 有没有 一下 一个 一些 这个 那个 我们 你们 他们 可以 能否 能不能 请问 问题 有哪 的话 时候 之后 之前 以及 还是 或者 或是 但是 因为 所以 如果 然后 一直 出现 遇到 了解 知道 说说 谈谈 讲讲 介绍 简述 描述 理解 解释 面试 面试官 面试题 聊聊 请教 求助 大佬 大家 各位 小白 新手 总结 详解 图解 入门 教程 实战 笔记 作用 工作 原理 情况 方法 方式 怎么办 什么样 干嘛 干什么 区别 不同 差异 含义 意思 概念 用途 意义 用处 有何 是啥 啥意思 到底 其实 那么 所谓 主要 哪里 为何 分别 具体 常见 一般 通常 区分 对比 比较 异同 是指 指的是 讲一讲 说一说 聊一聊 为啥 咋办 原因 处于 位于 属于'.split(
    ' ',
  ),
);

export interface QueryUnit {
  /** What the person typed for this unit, normalised (a Latin word or a Chinese word). */
  text: string;
  /** The Pagefind words of the unit: the Latin word, or the bigrams of a Chinese word. */
  terms: string[];
  han: boolean;
  /** A function word: kept only when nothing else is left. */
  stop: boolean;
  /** A compound's parts (port-forward → port, forward): searched one by one when the index lacks the whole. */
  parts?: string[];
  /** The word right after `kubectl`: a subcommand. */
  afterKubectl?: boolean;
  /** A Chinese word's first character with the one before it (虚拟|机快 → 拟机): searched when the segmenter cut a
   *  word in the wrong place and the unit's own bigrams are on no page. */
  bridge?: string;
  /** The Chinese word the site uses for an English one (isolate → 隔离): English questions find Chinese answers. */
  zh?: string;
  /** A command-line tool and its subcommand (docker cp, kubeadm token): `terms` searched as one exact phrase. */
  phrase?: boolean;
}

/** Command-line tools whose next word is a subcommand: `docker cp` is what a command query is about, more than
 *  its arguments (paths, names). */
const CLI_TOOLS = new Set('kubectl docker crictl ctr nerdctl podman helm kubeadm etcdctl minikube kind systemctl journalctl'.split(' '));

/**
 * English words of questions asked in English, and the Chinese word the site writes for them. The site is
 * Chinese: its English is API names and error strings, so “How do you isolate traffic between namespaces?”
 * must also look for 隔离 and 流量. Keys are base forms; `chineseFor` strips plural and verb endings.
 * Only words with one clear rendering on the site; API names (Deployment, Secret, Ingress) stay English.
 */
const GLOSSARY: Readonly<Record<string, string>> = {
  isolate: '隔离', isolation: '隔离', traffic: '流量', backup: '备份', restore: '恢复', upgrade: '升级',
  schedule: '调度', scheduling: '调度', scheduler: '调度器', label: '标签', selector: '选择器',
  delete: '删除', deletion: '删除', remove: '删除', memory: '内存', compressible: '可压缩', cluster: '集群',
  node: '节点', external: '外部', address: '地址', access: '访问', mode: '模式', probe: '探针',
  readiness: '就绪', liveness: '存活', custom: '自定义', storage: '存储', volume: '卷', persistent: '持久化',
  network: '网络', policy: '策略', security: '安全', container: '容器', image: '镜像', registry: '镜像仓库',
  log: '日志', monitor: '监控', monitoring: '监控', metric: '指标', alert: '告警', certificate: '证书',
  expire: '过期', permission: '权限', authentication: '认证', authorization: '授权', user: '用户', role: '角色',
  resource: '资源', quota: '配额', limit: '限制', replica: '副本', rollback: '回滚', rolling: '滚动',
  update: '更新', restart: '重启', crash: '崩溃', terminate: '终止', evict: '驱逐', eviction: '驱逐',
  taint: '污点', toleration: '容忍', affinity: '亲和', priority: '优先级', preempt: '抢占', preemption: '抢占',
  autoscale: '扩缩容', autoscaling: '扩缩容', scale: '扩缩容', scaling: '扩缩容', availability: '可用',
  troubleshoot: '排查', slow: '慢', latency: '延迟', timeout: '超时', resolve: '解析', resolution: '解析',
  discovery: '发现', balancer: '负载均衡', balancing: '负载均衡', port: '端口', route: '路由', routing: '路由',
  firewall: '防火墙', packet: '数据包', capture: '抓包', kernel: '内核', process: '进程', thread: '线程',
  disk: '磁盘', garbage: '垃圾回收', controller: '控制器', plane: '平面', architecture: '架构', component: '组件',
  create: '创建', creation: '创建', lifecycle: '生命周期', phase: '阶段', state: '状态', status: '状态',
  health: '健康', healthy: '健康', configuration: '配置', environment: '环境', variable: '变量',
  namespace: '命名空间', switch: '切换', context: '上下文', version: '版本', compatibility: '兼容', object: '对象',
  share: '共享', mesh: '网格', gateway: '网关', encrypt: '加密', encryption: '加密', audit: '审计',
  snapshot: '快照', advantage: '优势', disadvantage: '缺点', stateful: '有状态', stateless: '无状态',
  daemon: '守护进程', init: '初始化', graceful: '优雅', shutdown: '关闭', signal: '信号', zombie: '僵尸',
  orphan: '孤儿', instantly: '立即', immediately: '立即', privileged: '特权', sandbox: '沙箱', runtime: '运行时',
  build: '构建', layer: '分层', cache: '缓存', threshold: '阈值', heartbeat: '心跳', lease: '租约',
  election: '选主', consistency: '一致性', throttle: '限流', throttling: '限流', large: '大规模',
  identity: '身份', mount: '挂载', template: '模板', rollout: '发布', canary: '金丝雀', downtime: '中断',
  stuck: '卡住', hang: '卡住', timezone: '时区', hour: '小时',
};

/** The site's Chinese word for an English word, trying its base form (isolated → isolate, namespaces → namespace). */
export function chineseFor(word: string): string | undefined {
  if (!/^[a-z]+$/.test(word)) return undefined;
  const forms = [word, word.replace(/ies$/, 'y'), word.replace(/(s|x|ch|sh)es$/, '$1'), word.replace(/s$/, ''), word.replace(/ed$/, ''), word.replace(/d$/, ''), word.replace(/ing$/, ''), word.replace(/ing$/, 'e')];
  for (const f of forms) if (Object.hasOwn(GLOSSARY, f)) return GLOSSARY[f];
  return undefined;
}

export type Segment = (text: string) => string[];

/** A compound as Pagefind indexes it whole: letters, digits and `_` kept, other punctuation dropped
 *  (kube-proxy → kubeproxy, inotify_init → inotify_init; Pagefind's WORD_SYMBOLS keep the underscore). */
export const compoundWord = (run: string): string => run.replace(/[^\p{L}\p{N}_]/gu, '');

/** Latin words as the vocabulary lists them: lower case, split at punctuation, compounds also as Pagefind
 *  indexes them whole (kube-proxy → kube, proxy, kubeproxy; ip_forward → ip, forward, ip_forward), at least
 *  2 characters (pv, ns, ds); numbers of 3–5 digits. */
export function latinWords(text: string): string[] {
  const out = new Set<string>();
  const lower = text.normalize('NFKC').toLowerCase();
  for (const m of lower.matchAll(/[a-z0-9]+(?:[-_.][a-z0-9]+)*/g)) {
    const parts = m[0].split(/[-_.]/);
    for (const w of parts.length > 1 ? [...parts, compoundWord(m[0])] : parts) {
      if (/[a-z]/.test(w) ? w.length >= 2 : w.length >= 3 && w.length <= 5) out.add(w);
    }
  }
  return [...out];
}

/** Damerau–Levenshtein distance (adjacent swaps count once), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/** The vocabulary word a misspelt word most likely means (crashloopbackof → crashloopbackoff), if any. */
export function correct(word: string, vocabulary: readonly string[]): string | undefined {
  // Short words have too many neighbours (boot → root, bool): only words of 5 letters or more are corrected, and a
  // correction keeps the first letter, and the first two unless the word is long (spring is not string, portainer
  // is not container; demonset is daemonset).
  if (word.length < 5) return undefined;
  const max = word.length >= 8 ? 2 : 1;
  let best: { w: string; d: number; p: number } | undefined;
  for (const w of vocabulary) {
    const d = editDistance(word, w, max);
    if (d > max) continue;
    let p = 0;
    while (p < w.length && w[p] === word[p]) p++;
    if (p < 1 || (p < 2 && word.length < 8)) continue;
    if (!best || d < best.d || (d === best.d && (p > best.p || (p === best.p && w.length < best.w.length)))) best = { w, d, p };
  }
  return best?.w;
}

/**
 * The indexed form of an inflected English word (classes → class, deleted → delete, running → run): English
 * questions say “nodes” and “evicted” where the pages' words are `node` and `evict`.
 */
export function englishBase(word: string, has: (w: string) => boolean): string | undefined {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return undefined;
  const cut = (n: number) => word.slice(0, -n);
  const candidates = singularForms(word);
  if (word.endsWith('ed')) candidates.push(cut(2), cut(1), /(.)\1ed$/.test(word) ? cut(3) : '');
  if (word.endsWith('ing')) candidates.push(cut(3), `${cut(3)}e`, /(.)\1ing$/.test(word) ? cut(4) : '');
  return candidates.find((c) => c.length >= 3 && has(c));
}

/** The other number of an English noun, if the index holds it too: pods ↔ pod, requests ↔ request, policy ↔
 *  policies, process ↔ processes. (Not -ss/-us/-is words read as plurals: ingress, status, analysis.) */
export function otherNumber(word: string, has: (w: string) => boolean): string | undefined {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return undefined;
  const singular = singularForms(word);
  const candidates = singular.length
    ? singular
    : [...(/[^aeiou]y$/.test(word) ? [`${word.slice(0, -1)}ies`] : []), /(s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`];
  return candidates.find((c) => c.length >= 3 && c !== word && has(c));
}

/** What a plural noun may be the plural of, most specific first: policies → policy, patches → patch, pods → pod.
 *  None for a word that only ends like one (ingress, status, analysis). */
function singularForms(word: string): string[] {
  if (!word.endsWith('s') || /(ss|us|is)$/.test(word)) return [];
  const out: string[] = [];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (/(s|x|z|ch|sh)es$/.test(word)) out.push(word.slice(0, -2));
  out.push(word.slice(0, -1));
  return out;
}

/** kubectl's subcommands, as the vocabulary writes them (port-forward → portforward). */
const KUBECTL_VERBS = (
  'annotate apiresources apiversions apply attach auth autoscale certificate clusterinfo completion config cordon cp ' +
  'create debug delete describe diff drain edit events exec explain expose get kustomize label logs patch plugin ' +
  'portforward proxy replace rollout run scale set taint top uncordon version wait'
).split(' ');

/**
 * The word after `kubectl` names a subcommand, so a typo there is read against that short list with more room than
 * `correct` allows (kubectl drill → drain, kubectl desribe → describe).
 */
export function kubectlVerb(word: string): string | undefined {
  if (word.length < 3 || KUBECTL_VERBS.includes(word)) return undefined;
  let best: { v: string; d: number; p: number } | undefined;
  for (const v of KUBECTL_VERBS) {
    if (v[0] !== word[0]) continue;
    const d = editDistance(word, v, 3);
    let p = 0;
    while (p < v.length && v[p] === word[p]) p++;
    if (d <= Math.min(3, Math.floor(v.length / 2) + 1) && (!best || d < best.d || (d === best.d && p > best.p))) best = { v, d, p };
  }
  return best?.v;
}

/** Intl.Segmenter (browser and Node) cuts Chinese into words; runs of single characters are joined again. */
export function intlSegmenter(): Segment {
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  return (text) => [...seg.segment(text)].map((s) => s.segment);
}

/**
 * Splits a query into units: Latin words (split at punctuation, as Pagefind indexes them) and Chinese words.
 * Consecutive one-character Chinese segments are joined (探|针 → 探针): the segmenter does not know technical
 * words, and a single character alone says almost nothing. A lone character between two words is dropped
 * (的, 了, 是).
 */
export function queryUnits(raw: string, segment: Segment, glue: ReadonlySet<string> = new Set()): QueryUnit[] {
  const text = normalizeQuery(raw).toLowerCase();
  const units: QueryUnit[] = [];
  const seen = new Set<string>();
  const push = (u: QueryUnit) => {
    if (seen.has(u.text)) return;
    seen.add(u.text);
    units.push(u);
  };
  let previous = ''; // the Latin word before this run, if any
  // Han runs, Latin compounds (port-forward, kube-proxy, x509) and words, in order.
  for (const m of text.matchAll(/\p{Script=Han}+|[a-z0-9]+(?:[-_.][a-z0-9]+)+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)) {
    const run = m[0];
    if (/[-_.]/.test(run)) {
      previous = run;
      const parts = run.split(/[-_.]/).filter((p) => p.length >= 2 && !/^\d{1,2}$/.test(p));
      // The whole compound as Pagefind indexes it (ip_forward, kubeproxy); its parts when the index lacks it.
      const whole = compoundWord(run);
      if (parts.length) push({ text: whole, terms: [whole], han: false, stop: false, parts });
      // A release (1.24, v1.35): as Pagefind indexes it (124, v135), where the pages say what changed in it.
      else if (/^v?\d{1,2}\.\d{1,3}(?:\.\d{1,3})?$/.test(run)) push({ text: whole, terms: [whole], han: false, stop: false });
      continue;
    }
    if (!HAN.test(run)) {
      const afterKubectl = previous === 'kubectl';
      previous = run;
      if (run.length < 2 && !/^\d$/.test(run)) continue;
      if (/^\d+$/.test(run) && (run.length < 3 || run.length > 5)) continue; // counts and ids; keep 137, 502, 6443
      const zh = STOP_LATIN.has(run) ? undefined : chineseFor(run);
      const tool = units.at(-1);
      push({ text: run, terms: [run], han: false, stop: STOP_LATIN.has(run), ...(afterKubectl ? { afterKubectl } : {}), ...(zh ? { zh } : {}) });
      // docker cp, kubeadm token, crictl rmi: the tool with its subcommand, as written next to each other.
      if (tool && CLI_TOOLS.has(tool.text) && !STOP_LATIN.has(run) && /^[a-z][a-z-]+$/.test(run) && text.slice(0, m.index).trimEnd().endsWith(tool.text)) {
        push({ text: `${tool.text} ${run}`, terms: [tool.text, run], han: false, stop: false, phrase: true });
      }
      continue;
    }
    // Locatives that the segmenter joins to the wrong word (LOCATIVE_PARTICLES, LOCATIVES): Kubernetes中重启 → 重启.
    const segments = segment(run).filter((w) => !LOCATIVE_PARTICLES.has(w));
    if (previous && m.index > 0 && /[a-z0-9]/.test(text[m.index - 1] ?? '')) {
      const [a = '', b = '', c = ''] = segments;
      if (LOCATIVES.has(a) && [...b].length === 1 && [...c].length === 1) segments.shift();
    }
    previous = '';
    let pending = '';
    let before = ''; // the character before `pending`
    let last = ''; // the last character seen in the run
    const word = (w: string, prev: string) =>
      push({ text: w, terms: hanBigrams(w), han: true, stop: STOP_HAN.has(w) || isFiller(w), ...(prev ? { bridge: prev + [...w][0] } : {}) });
    const flush = () => {
      // Particles at the edges of a run of single characters belong to the sentence, not the word (的镜像 → 镜像).
      const lead = pending.match(PARTICLES_EDGE_START)?.[0] ?? '';
      // …and so does a trailing 时 (“when”) after a word the segmenter did not know: 构|建|时 → 构建, 重|启|时 → 重启.
      const trimmed = pending.replace(PARTICLES_EDGE, '').replace(/(?<=\p{Script=Han}{2})时$/u, '');
      if ([...trimmed].length >= 2) word(trimmed, lead ? '' : before);
      pending = '';
    };
    for (let i = 0; i < segments.length; i++) {
      let w = segments[i] ?? '';
      if ([...w].length === 1) {
        // A character the segmenter left alone that the site's own titles write with the next word (宿|主机 →
        // 宿主机, 根|容器 → 根容器; the build's `glue` list): one word.
        const next = segments[i + 1] ?? '';
        if ([...pending].every((c) => FUNCTION_HAN.has(c)) && [...next].length >= 2 && glue.has(w + next)) {
          flush();
          word(w + next, last);
          last = [...next].at(-1) ?? '';
          i++;
          continue;
        }
        if (!pending) before = last;
        pending += w;
        last = w;
        continue;
      }
      // …and one the site writes after this word (多少|层 → 多少层), unless more single characters follow.
      const after = segments[i + 1] ?? '';
      if ([...after].length === 1 && [...(segments[i + 2] ?? 'xx')].length !== 1 && glue.has(w + after)) {
        w += after;
        i++;
      }
      flush();
      word(w, last);
      last = [...w].at(-1) ?? '';
    }
    flush();
  }
  // A query that is one Chinese character (and nothing else) still searches for it; a lone character in a longer
  // query is a preposition or particle (对 k8s 中 Service 的理解), not the topic.
  const only = text.trim();
  if (units.length === 0 && [...only].length === 1 && HAN.test(only)) push({ text: only, terms: [only], han: true, stop: false });
  return units;
}

/**
 * Words of the site's question titles and aliases that the segmenter cuts into a word and a character it leaves
 * alone (宿|主机, 根|容器, 删|不掉): the query side joins them again (queryUnits' `glue`). Not words made with a
 * question word (怎么|做) or a function character (的|镜像).
 */
export function glueWords(names: readonly string[], segment: Segment): string[] {
  const out = new Set<string>();
  const single = (x: string | undefined) => x !== undefined && [...x].length === 1;
  const telling = (x: string | undefined) => x !== undefined && [...x].length >= 2 && HAN.test(x) && !STOP_HAN.has(x) && !isFiller(x);
  for (const name of names) {
    for (const m of name.normalize('NFKC').toLowerCase().matchAll(HAN_RUN)) {
      const s = segment(m[0]);
      s.forEach((c, i) => {
        if (!single(c) || FUNCTION_HAN.has(c)) return;
        const prev = s[i - 1];
        const next = s[i + 1];
        if (telling(next) && (!single(prev) || FUNCTION_HAN.has(prev ?? ''))) out.add(c + next);
        else if (telling(prev) && !single(next)) out.add(prev + c);
      });
    }
  }
  return [...out].sort();
}

/** The Pagefind words of a unit (Chinese bigrams as index words). */
export function unitWords(u: QueryUnit): string[] {
  return u.han ? u.terms.map(hanToken) : u.terms;
}


