// Site-wide build steps: lint the content before any page is built (every mistake at its source line), close the
// diagram browser, copy the diagram font subsets the pages use into the assets folder (served from the cache in
// dev), fail the build on dead internal links or anchors the lint could not see, and never leave a
// site-looking output folder behind a failed build.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { closeRenderer, stats } from '../lib/mermaid-renderer.ts';
import { checkLinks } from '../lib/link-check.ts';
import { cachedFontFile, deferDiagramFonts, FONT_FILE, writeDiagramFonts } from '../lib/diagram-font.ts';
import { formatReport, lintContent, readContentFiles } from '../lint/lint.ts';
import { sourceMessages } from '../lint/built-links.ts';
import { fileCheckCache } from '../lint/cache.ts';
import { sourceFingerprint } from '../build-cache/fingerprint.ts';
import { topicIds } from '../topics.ts';
import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import rehypeAnchorIcons from '../plugins/rehype-anchor-icons.ts';

/** Options of the knowledge base's integration. */
export interface KbOptions {
  /** The content folder, relative to the project root (default `./content/docs`; the tests build fixture sites). */
  contentDir?: string;
}

/** The knowledge base's Astro integration. */
export default function kbIntegration({ contentDir = './content/docs' }: KbOptions = {}): AstroIntegration {
  let config: AstroConfig | undefined;
  return {
    name: 'k8s-kb',
    hooks: {
      'astro:config:setup': ({ command, config: c, logger, updateConfig }) => {
        // After Starlight's own rehype plugins (it adds them in its config hook, before this integration's): the
        // heading anchors it creates exist only then.
        if (isUnifiedProcessor(c.markdown.processor)) c.markdown.processor.options.rehypePlugins.push(rehypeAnchorIcons);
        if (command !== 'build' && command !== 'dev') return;
        const root = fileURLToPath(c.root);
        if (command === 'build') {
          // The diagram font subsets are made once the pages are compiled (each Vite build's end; the first one with
          // subsets queued is the pages'), in a worker thread beside page generation and the search index
          // (src/lib/diagram-font.ts); astro:build:done waits for them.
          deferDiagramFonts();
          updateConfig({ vite: { plugins: [{ name: 'k8s-kb:diagram-fonts', buildEnd: () => void writeDiagramFonts().catch(() => {}) }] } });
          // A build that stops early (a content mistake, a diagram that does not parse) must not leave the previous
          // site in the output folder looking deployable: empty it first. Never the project root or above it.
          const out = fileURLToPath(c.outDir);
          if (!`${root.replace(/[\\/]+$/, '')}${sep}`.startsWith(`${out.replace(/[\\/]+$/, '')}${sep}`)) rmSync(out, { recursive: true, force: true });
        }
        // The content lint runs before Astro reads a single page, and lists every mistake of every file at once.
        const started = performance.now();
        const publicDir = fileURLToPath(c.publicDir);
        // Files checked by an earlier build with the same text, code and public/ folder are not parsed again.
        const cache = process.env.KB_BUILD_CACHE === '0' ? undefined : fileCheckCache({ codeFingerprint: sourceFingerprint(root), publicDir });
        const problems = lintContent({
          contentDir: resolve(root, contentDir),
          publicDir,
          pagesDir: fileURLToPath(new URL('pages/', c.srcDir)),
          topicIds,
          base: c.base,
          cache,
        });
        if (!problems.length) {
          const cached = cache ? `, ${cache.hits} of ${cache.hits + cache.misses} files checked by an earlier build` : '';
          logger.info(`content lint: no mistakes (${((performance.now() - started) / 1000).toFixed(1)} s${cached})`);
          return;
        }
        // A build stops; the dev server keeps serving (the author is fixing things) and shows the list.
        if (command === 'build') throw new Error(formatReport(problems));
        logger.error(formatReport(problems));
      },
      'astro:config:done': ({ config: c }) => {
        config = c;
      },
      'astro:server:setup': ({ server }) => {
        // Dev: the diagram font subsets the pages name are served from the cache where rendering put them.
        server.middlewares.use((req, res, next) => {
          const name = /\/_astro\/(kb-dg-[0-9a-f]{16}\.woff2)$/.exec(req.url?.split('?')[0] ?? '')?.[1];
          const file = name && cachedFontFile(name);
          if (!file) return next();
          res.writeHead(200, { 'Content-Type': 'font/woff2' });
          res.end(readFileSync(file));
        });
      },
      'astro:server:done': async () => {
        await closeRenderer();
      },
      'astro:build:done': async ({ dir, logger }) => {
        await closeRenderer();
        logger.info(`mermaid: ${stats.rendered} diagrams rendered, ${stats.cached} from cache, ${stats.launches} browser launch(es)`);
        // Astro runs astro:config:done before any build hook; reading config.base would throw otherwise.
        if (!config) throw new Error('k8s-kb: astro:build:done ran before astro:config:done');
        await writeDiagramFonts();
        const fonts = copyDiagramFonts(fileURLToPath(dir), config.build.assets);
        logger.info(`diagram fonts: ${fonts.files} subset file(s), ${(fonts.bytes / 1024).toFixed(1)} KiB in all`);
        const result = checkLinks(fileURLToPath(dir), { base: config.base, site: config.site });
        if (result.problems.length) {
          // Named by the content file and line where the link is written, as written (without the base).
          const files = readContentFiles(resolve(fileURLToPath(config.root), contentDir));
          const list = sourceMessages(result.problems, files, config.base).map((e) => `  ${e}`).join('\n');
          // The pages are already written: remove them, so a failed build leaves nothing to deploy.
          rmSync(fileURLToPath(dir), { recursive: true, force: true });
          throw new Error(`${result.problems.length} dead internal link(s) or anchor(s) in the built pages:\n${list}`);
        }
        logger.info(`links: ${result.links} internal links and assets on ${result.pages} pages resolve`);
      },
    },
  };
}

/**
 * Copies the diagram font subsets the built pages name (`kb-dg-<key>.woff2`, src/lib/diagram-font.ts) from the cache
 * into the assets folder. The rendering step made each of them in this build or an earlier one.
 */
function copyDiagramFonts(outDir: string, assets: string): { files: number; bytes: number } {
  const needed = new Map<string, string>();
  for (const rel of readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort()) {
    for (const m of readFileSync(join(outDir, rel), 'utf8').matchAll(FONT_FILE)) if (!needed.has(m[0])) needed.set(m[0], rel);
  }
  let bytes = 0;
  mkdirSync(join(outDir, assets), { recursive: true });
  for (const [name, page] of needed) {
    const file = cachedFontFile(name);
    if (!file) throw new Error(`k8s-kb: ${page} names the diagram font ${name}, which is not in the cache (clear .astro and build again)`);
    copyFileSync(file, join(outDir, assets, name));
    bytes += readFileSync(file).length;
  }
  return { files: needed.size, bytes };
}
