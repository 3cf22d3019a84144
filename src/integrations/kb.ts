// Site-wide build steps: close the diagram browser, and fail the build on dead internal links or anchors.
import { fileURLToPath } from 'node:url';
import { closeRenderer, stats } from '../lib/mermaid-renderer.ts';
import { checkLinks } from '../lib/link-check.ts';

export default function kbIntegration() {
  let config;
  return {
    name: 'k8s-kb',
    hooks: {
      'astro:config:done': ({ config: c }) => {
        config = c;
      },
      'astro:server:done': async () => {
        await closeRenderer();
      },
      'astro:build:done': async ({ dir, logger }) => {
        await closeRenderer();
        logger.info(`mermaid: ${stats.rendered} diagrams rendered, ${stats.cached} from cache, ${stats.launches} browser launch(es)`);
        const result = checkLinks(fileURLToPath(dir), { base: config.base, site: config.site });
        if (result.errors.length) {
          const list = result.errors.map((e) => `  - ${e}`).join('\n');
          throw new Error(`${result.errors.length} dead internal link(s) or anchor(s):\n${list}`);
        }
        logger.info(`links: ${result.links} internal links and assets on ${result.pages} pages resolve`);
      },
    },
  };
}
