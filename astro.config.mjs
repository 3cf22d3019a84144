// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkQuestions from './src/plugins/remark-questions.ts';
import remarkMermaid from './src/plugins/remark-mermaid.ts';
import remarkBaseline from './src/plugins/remark-baseline.ts';
import rehypeBaseLinks from './src/plugins/rehype-base-links.ts';
import rehypeTables from './src/plugins/rehype-tables.ts';
import rehypePlainBlocks from './src/plugins/rehype-plain-blocks.ts';
import kb from './src/integrations/kb.ts';
import buildProfile from './src/integrations/build-profile.ts';
import buildCache from './src/build-cache/integration.ts';
import search from './src/search/integration.ts';
import csp from './src/csp/integration.ts';
import { onBundlerWarning } from './src/lib/build-warnings.ts';
import { topics } from './src/topics.ts';

// GitHub Pages defaults: https://<owner>.github.io/<repo>/ from GITHUB_REPOSITORY (set in Actions);
// SITE_URL and BASE_PATH override them (the deploy workflow passes what actions/configure-pages reports).
const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
const userSite = repo?.toLowerCase() === `${owner?.toLowerCase()}.github.io`;
const site = process.env.SITE_URL || (owner ? `https://${owner.toLowerCase()}.github.io` : 'http://localhost:4321');
const rawBase = process.env.BASE_PATH ?? (repo && !userSite ? `/${repo}` : '/');
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}`;
const repoUrl =
  process.env.REPO_URL ||
  (process.env.GITHUB_REPOSITORY
    ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}`
    : 'https://github.com/k8s-kb/k8s-kb');
const branch = process.env.REPO_BRANCH || 'main';
// The tests build small fixture sites from other folders (see src/content.config.ts).
const contentDir = process.env.KB_CONTENT_DIR ?? './content/docs';
const sidebarRoot = contentDir.replace(/^\.\//, '').replace(/\/+$/, '');

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  // Fixture builds in the tests use their own cache, so their content never mixes with the real site's.
  ...(process.env.KB_CACHE_DIR ? { cacheDir: process.env.KB_CACHE_DIR } : {}),
  vite: {
    build: {
      // Drops only Astro's own "use astro:head-inject" directive notice (src/lib/build-warnings.ts); others print.
      rolldownOptions: { onwarn: onBundlerWarning },
    },
  },
  markdown: {
    // Astro 7's default processor does not run remark/rehype plugins; the diagram, question and link steps need them.
    // No smart punctuation: it turns `--flag` into an en dash and quotes after Chinese characters into closing quotes.
    // Chinese prose uses “ ” directly (a content test checks it).
    processor: unified({
      smartypants: false,
      remarkPlugins: [remarkBaseline, remarkQuestions, remarkMermaid],
      rehypePlugins: [[rehypeBaseLinks, { base }], rehypeTables, rehypePlainBlocks],
    }),
  },
  integrations: [
    // KB_BUILD_PROFILE=1: time per build phase, integration hook and plugin (adds nothing otherwise).
    buildProfile(),
    // Starlight adds Expressive Code, Pagefind and the sitemap itself.
    starlight({
      title: 'K8s 中文知识库',
      description: '面向面试准备、线上排障与团队协作的 Kubernetes 与 Docker 中文知识库。',
      defaultLocale: 'root',
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      // Decorative: the site title is written right beside it (an alt repeating it is read twice).
      logo: { src: './src/assets/logo.svg', alt: '' },
      favicon: '/favicon.svg',
      social: [{ icon: 'github', label: 'GitHub', href: repoUrl }],
      editLink: { baseUrl: `${repoUrl}/edit/${branch}/` },
      lastUpdated: true,
      routeMiddleware: './src/routeData.ts',
      pagination: true,
      // content/docs/404.mdx is our 404 page: rendered by the docs route like every page, instead of twice (Starlight's
      // own 404 route rendered it too, and the build warned that one /404 conflicted with the other).
      disable404Route: true,
      customCss: ['./src/styles/custom.css'],
      components: {
        Head: './src/components/Head.astro',
        // Our own dialog over Pagefind's JS API: question-level results, Chinese UI, ?q= links (src/search/).
        Search: './src/search/Search.astro',
        // One locale: no picker, and none of its script (src/components/LanguageSelect.astro).
        LanguageSelect: './src/components/LanguageSelect.astro',
        // Study mode under the title (src/study/): the self-test bar on question pages, progress on topic overviews.
        PageTitle: './src/study/PageTitle.astro',
      },
      // Starlight strips only src/content/docs/ from entry paths, so autogenerate names our folders from the root.
      sidebar: topics.map((t) => ({ label: t.label, items: [{ autogenerate: { directory: `${sidebarRoot}/${t.id}` } }] })),
      // Expressive Code options live in ec.config.mjs (the <Code> component needs them there).
      // Starlight's own Pagefind run is off: src/search/integration.ts builds a question-level index instead.
      pagefind: false,
      // Starlight's asides (:::note) and heading anchor links run only on folders it knows about.
      markdown: { processedDirs: [contentDir] },
    }),
    // Listed explicitly so Starlight does not add it with `optimize: true`, which turns the <style> of
    // inline diagram SVGs into a literal `set:html` attribute (unstyled, black diagrams).
    mdx(),
    kb({ contentDir }),
    // MDX modules compiled by an earlier build with the same inputs come from node_modules/.cache (src/build-cache/).
    buildCache(),
    search(),
    // Last: the Content-Security-Policy <meta> hashes the inline scripts of the pages as finally written.
    csp(),
  ],
});
