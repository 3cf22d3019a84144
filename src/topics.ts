// The 16 topics in study order. One sidebar group and one content/docs/<id>/ folder each.
// `complete` topics must cover every source question of theirs (enforced by tests/unit/coverage.test.ts).
import type { Topic } from './lib/types.ts';

export const topics: Topic[] = [
  { id: 'fundamentals', label: '基础概念', summary: 'Kubernetes 是什么、解决什么问题、声明式模型、核心对象，以及 Helm 与交付流程。' },
  { id: 'architecture', label: '集群架构', summary: '控制平面与节点组件、以 kube-apiserver 为中心的通信方式、一个 Pod 从提交到运行的全过程。' },
  { id: 'etcd', label: 'etcd 与 Raft', summary: 'etcd 的数据模型与 watch 机制、Raft 选主与日志复制、kube-apiserver 如何依赖 etcd。' },
  { id: 'pod-lifecycle', label: 'Pod 生命周期', summary: 'Pod 阶段与容器状态、重启策略、探针、Init 与 Sidecar 容器、pause 容器、静态 Pod、优雅终止。' },
  { id: 'workloads', label: '工作负载与发布', summary: 'Deployment、StatefulSet、DaemonSet、Job 等控制器，滚动更新与回滚，HPA/VPA 自动扩缩容。' },
  { id: 'scheduling', label: '调度、资源与驱逐', summary: '调度框架与队列、亲和性与污点、requests/limits 与 QoS、节点压力驱逐与 NotReady 处理。' },
  { id: 'service-proxy', label: 'Service 与 kube-proxy', summary: 'Service 类型、EndpointSlice、kube-proxy 的 iptables/IPVS/nftables 模式、会话保持与 DNS。' },
  { id: 'ingress', label: 'Ingress 与 Gateway API', summary: '集群入口流量：Ingress 与控制器、TLS、Gateway API，以及 NodePort/LoadBalancer/hostPort。' },
  { id: 'networking', label: 'Pod 网络与 CNI', summary: 'Kubernetes 网络模型、同节点与跨节点 Pod 通信、CNI 规范与常见插件、Overlay 与路由、NetworkPolicy。' },
  { id: 'runtime-linux', label: '容器运行时与 Linux', summary: 'containerd/CRI-O 与 Docker、namespace、cgroup、overlayfs、netfilter，以及 crictl/nerdctl 的用法。' },
  { id: 'storage', label: '存储', summary: 'Volume、PV/PVC 生命周期、StorageClass 与动态供应、CSI、本地卷。' },
  { id: 'security', label: '安全', summary: '认证、鉴权与 RBAC、准入控制、Secret、Pod Security Admission 与运行时加固。' },
  { id: 'observability', label: '可观测性', summary: 'Prometheus 监控设计、metrics-server 与 cAdvisor、日志架构。' },
  { id: 'extensibility', label: '扩展与 Operator', summary: 'CRD 与聚合 API、Operator 模式、client-go 的 Informer/Indexer/workqueue、乐观并发与协调循环。' },
  { id: 'cluster-ops', label: '集群运维', summary: '安装方式、版本偏差策略与升级顺序、节点加入与维护、多集群。' },
  { id: 'troubleshooting', label: '故障排查', summary: '按症状组织的排障手册：Pending、CrashLoopBackOff、DNS、证书、网络、存储等，附可直接运行的命令。' },
];

export const topicIds: string[] = topics.map((t) => t.id);
