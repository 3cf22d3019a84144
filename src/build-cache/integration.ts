// The build cache's Astro integration (./store.ts): MDX modules compiled in an earlier build with the same inputs are
// taken from the cache (./mdx.ts). Builds only (the dev server recompiles what changes anyway). KB_BUILD_CACHE=0
// turns the cache off for a build.
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import type { Plugin as VitePlugin } from 'vite';
import { buildFingerprint } from './fingerprint.ts';
import { cachedMdxTransform, type MdxCacheStats, type MdxTransformResult } from './mdx.ts';
import { CacheStore } from './store.ts';

/** @astrojs/mdx's Vite plugin (the one that compiles .mdx files). */
export const MDX_PLUGIN = '@mdx-js/rolldown';

/** Environment variables astro.config.mjs reads: their values reach plugins through closures, out of sight of the config. */
export const CONFIG_ENV = ['BASE_PATH', 'SITE_URL', 'GITHUB_REPOSITORY', 'GITHUB_SERVER_URL', 'REPO_URL', 'REPO_BRANCH', 'KB_CONTENT_DIR'] as const;

/** What of the resolved configuration goes into the fingerprint. */
export function configForFingerprint(config: AstroConfig): unknown {
  return {
    root: config.root,
    srcDir: config.srcDir,
    base: config.base,
    site: config.site,
    trailingSlash: config.trailingSlash,
    // Not config.build as a whole: its client/server folders follow --outDir, which changes no module.
    build: { format: config.build.format, assets: config.build.assets, assetsPrefix: config.build.assetsPrefix, inlineStylesheets: config.build.inlineStylesheets },
    markdown: config.markdown,
    integrations: config.integrations.map((i) => i.name),
    env: Object.fromEntries(CONFIG_ENV.map((k) => [k, process.env[k] ?? null])),
  };
}

type Handler = Parameters<typeof cachedMdxTransform>[0];

export default function buildCache(): AstroIntegration {
  const enabled = process.env.KB_BUILD_CACHE !== '0';
  const stats: MdxCacheStats = { compiled: 0, cached: 0 };
  const wrapped = new WeakSet<object>();
  let fingerprint: string | undefined;
  let root = process.cwd();
  const store = new CacheStore<MdxTransformResult>('mdx');

  const vitePlugin: VitePlugin = {
    name: 'k8s-kb:build-cache',
    configResolved(resolved) {
      const mdx = resolved.plugins.find((p) => p.name === MDX_PLUGIN);
      if (!mdx) throw new Error(`k8s-kb build cache: no Vite plugin named "${MDX_PLUGIN}" (did @astrojs/mdx rename it?); set KB_BUILD_CACHE=0 to build without the cache`);
      const t = mdx.transform;
      const holder = typeof t === 'function' ? mdx : t;
      const handler = typeof t === 'function' ? t : t?.handler;
      if (!holder || typeof handler !== 'function') throw new Error(`k8s-kb build cache: "${MDX_PLUGIN}" has no transform hook`);
      if (wrapped.has(holder)) return;
      wrapped.add(holder);
      const cached = cachedMdxTransform(handler as Handler, {
        fingerprint: () => {
          if (!fingerprint) throw new Error('k8s-kb build cache: an MDX file was compiled before astro:config:done');
          return fingerprint;
        },
        root,
        store,
        stats,
      });
      if (typeof t === 'function') (mdx as { transform: unknown }).transform = cached;
      else (holder as { handler: unknown }).handler = cached;
    },
  };

  return {
    name: 'k8s-kb:build-cache',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, config }) => {
        if (!enabled || command !== 'build') return;
        root = fileURLToPath(config.root);
        updateConfig({ vite: { plugins: [vitePlugin] } });
      },
      'astro:config:done': ({ config }) => {
        if (!enabled) return;
        fingerprint = buildFingerprint(root, configForFingerprint(config));
      },
      'astro:build:done': ({ logger }) => {
        if (!enabled) return;
        // The lint's per-file results (src/lint/cache.ts) are pruned here too.
        const pruned = store.prune() + new CacheStore('lint').prune({ maxBytes: 32 * 1024 * 1024 });
        logger.info(`build cache: ${stats.compiled} MDX file(s) compiled, ${stats.cached} from the cache${pruned ? `, ${pruned} old entries removed` : ''}`);
      },
    },
  };
}
