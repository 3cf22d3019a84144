// Site-wide build steps: close the diagram browser, fail the build on dead internal links or anchors, and never
// leave a site-looking output folder behind a failed build.
import { rmSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { closeRenderer, stats } from '../lib/mermaid-renderer.ts';
import { checkLinks } from '../lib/link-check.ts';

/** The knowledge base's Astro integration. Takes no options. */
export default function kbIntegration(): AstroIntegration {
  let config: AstroConfig | undefined;
  return {
    name: 'k8s-kb',
    hooks: {
      'astro:config:setup': ({ command, config: c }) => {
        // A build that stops early (bad frontmatter, a diagram that does not parse) must not leave the previous
        // site in the output folder looking deployable: empty it first. Never the project root or above it.
        if (command !== 'build') return;
        const out = fileURLToPath(c.outDir);
        const root = fileURLToPath(c.root);
        if (!`${root.replace(/[\\/]+$/, '')}${sep}`.startsWith(`${out.replace(/[\\/]+$/, '')}${sep}`)) rmSync(out, { recursive: true, force: true });
      },
      'astro:config:done': ({ config: c }) => {
        config = c;
      },
      'astro:server:done': async () => {
        await closeRenderer();
      },
      'astro:build:done': async ({ dir, logger }) => {
        await closeRenderer();
        logger.info(`mermaid: ${stats.rendered} diagrams rendered, ${stats.cached} from cache, ${stats.launches} browser launch(es)`);
        // Astro runs astro:config:done before any build hook; reading config.base would throw otherwise.
        if (!config) throw new Error('k8s-kb: astro:build:done ran before astro:config:done');
        const result = checkLinks(fileURLToPath(dir), { base: config.base, site: config.site });
        if (result.errors.length) {
          const list = result.errors.map((e) => `  - ${e}`).join('\n');
          // The pages are already written: remove them, so a failed build leaves nothing to deploy.
          rmSync(fileURLToPath(dir), { recursive: true, force: true });
          throw new Error(`${result.errors.length} dead internal link(s) or anchor(s):\n${list}`);
        }
        logger.info(`links: ${result.links} internal links and assets on ${result.pages} pages resolve`);
      },
    },
  };
}
