// KB_BUILD_PROFILE=1 astro build: where a build spends its time. Prints, when the build ends, one line per phase
// (wall and CPU time of the process between Astro's hooks), the time each integration's build hooks took, the time
// in each Vite plugin's transform hook and in each remark/rehype plugin of the markdown processor (summed over all
// files). Without the variable the integration adds nothing. CPU time is the process's (all threads, user + system):
// on a shared machine it is the figure to compare, wall time is not.
import { writeSync } from 'node:fs';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import type { Plugin as VitePlugin } from 'vite';

interface Mark {
  name: string;
  wall: number;
  cpu: number;
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const fmt = (s: number): string => s.toFixed(2).padStart(7);

/** Time summed per name (a plugin's transform calls, a hook's runs). */
class Timers {
  readonly totals = new Map<string, { seconds: number; calls: number }>();
  add(name: string, seconds: number): void {
    const t = this.totals.get(name) ?? { seconds: 0, calls: 0 };
    t.seconds += seconds;
    t.calls++;
    this.totals.set(name, t);
  }
  lines(): string[] {
    return [...this.totals]
      .sort((a, b) => b[1].seconds - a[1].seconds)
      .filter(([, t]) => t.seconds >= 0.01)
      .map(([name, t]) => `${fmt(t.seconds)} s  ${name} (${t.calls}×)`);
  }
}

type AnyFn = (...args: unknown[]) => unknown;

/** Wraps a function so the time until its result (awaited when it is a promise) is added to `timers` under `name`. */
function timed<F extends AnyFn>(fn: F, timers: Timers, name: string): F {
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const done = () => timers.add(name, (performance.now() - started) / 1000);
    const result = fn.apply(this, args);
    if (result instanceof Promise) return result.finally(done);
    done();
    return result;
  };
  // unified calls a transformer with a `next` callback when it declares three parameters: keep the arity.
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped as F;
}

/** A unified plugin (attacher) whose transformer is timed. */
function timedPlugin(attacher: AnyFn, timers: Timers, name: string): AnyFn {
  return function (this: unknown, ...options: unknown[]) {
    const transformer = attacher.apply(this, options);
    return typeof transformer === 'function' ? timed(transformer as AnyFn, timers, name) : transformer;
  };
}

export default function buildProfile(): AstroIntegration {
  const enabled = !!process.env.KB_BUILD_PROFILE;
  const marks: Mark[] = [];
  const mark = (name: string) => marks.push({ name, wall: performance.now() / 1000, cpu: cpuNow() });
  const hooks = new Timers();
  const transforms = new Timers();
  const unifiedPlugins = new Timers();
  let logger: AstroIntegrationLogger | undefined;
  const wrappedHooks = new WeakSet<object>();

  const vitePlugin: VitePlugin = {
    name: 'k8s-kb:build-profile',
    enforce: 'pre',
    configResolved(resolved) {
      for (const p of resolved.plugins) {
        const t = p.transform;
        // configResolved runs once per build (SSR, client): wrap each hook once.
        if (!t || p.name === 'k8s-kb:build-profile' || wrappedHooks.has(p)) continue;
        wrappedHooks.add(p);
        if (typeof t === 'function') (p as { transform: unknown }).transform = timed(t as AnyFn, transforms, p.name);
        else if (typeof t.handler === 'function') (t as { handler: unknown }).handler = timed(t.handler as AnyFn, transforms, p.name);
      }
    },
    buildStart() {
      mark('vite buildStart');
    },
    buildEnd() {
      mark('vite buildEnd (modules transformed)');
    },
    generateBundle() {
      mark('vite generateBundle');
    },
  };

  const wrapIntegrationHooks = (config: AstroConfig) => {
    for (const integration of config.integrations) {
      if (integration.name === 'k8s-kb:build-profile') continue;
      const h = integration.hooks as Record<string, AnyFn | undefined>;
      for (const hook of ['astro:build:start', 'astro:build:setup', 'astro:build:generated', 'astro:build:done']) {
        const fn = h[hook];
        if (fn) h[hook] = timed(fn, hooks, `${integration.name} ${hook}`);
      }
    }
  };

  return {
    name: 'k8s-kb:build-profile',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger: l }) => {
        if (!enabled || command !== 'build') return;
        logger = l;
        mark('astro:config:setup (first integration)');
        updateConfig({ vite: { plugins: [vitePlugin] } });
      },
      'astro:config:done': ({ config }) => {
        if (!enabled || !logger) return;
        mark('astro:config:done');
        wrapIntegrationHooks(config);
        // Every remark/rehype plugin of the processor, Starlight's and Expressive Code's included (added by now).
        const processor = config.markdown.processor;
        if (isUnifiedProcessor(processor)) {
          for (const kind of ['remarkPlugins', 'rehypePlugins'] as const) {
            const list = processor.options[kind] as unknown[];
            list.forEach((entry, i) => {
              const [fn, ...rest] = Array.isArray(entry) ? entry : [entry];
              if (typeof fn !== 'function') return;
              const name = `${kind.slice(0, -7)} ${fn.name || `#${i}`}`;
              const wrapped = timedPlugin(fn as AnyFn, unifiedPlugins, name);
              list[i] = Array.isArray(entry) ? [wrapped, ...rest] : wrapped;
            });
          }
        }
      },
      'astro:build:start': () => {
        if (enabled && logger) mark('astro:build:start');
      },
      'astro:build:generated': () => {
        if (enabled && logger) mark('astro:build:generated (pages rendered)');
      },
      'astro:build:done': () => {
        if (!enabled || !logger) return;
        mark('astro:build:done (profile hook)');
        // The other integrations' build:done hooks run after this one: report when the process exits.
        process.once('exit', () => {
          mark('process exit');
          const out: string[] = ['build profile (KB_BUILD_PROFILE): wall s, CPU s (process, all threads) since the previous mark'];
          let prev: Mark = { name: 'process start', wall: 0, cpu: 0 };
          for (const m of marks) {
            out.push(`${fmt(m.wall - prev.wall)} s wall ${fmt(m.cpu - prev.cpu)} s CPU  → ${m.name}`);
            prev = m;
          }
          out.push(`${fmt(prev.wall)} s wall ${fmt(prev.cpu)} s CPU  total`);
          out.push('integration build hooks (wall, summed):', ...hooks.lines());
          out.push('Vite transform hooks (wall until resolved, summed; async calls overlap):', ...transforms.lines());
          out.push('remark/rehype plugins (wall until resolved, summed):', ...unifiedPlugins.lines());
          // Synchronous: output written to a pipe after 'exit' would be lost otherwise.
          writeSync(1, `${out.join('\n')}\n`);
        });
      },
    },
  };
}
