import { join } from 'node:path';

/** The folder of every build cache: diagrams, diagram font subsets and the build cache (src/build-cache/).
 *  `KB_MERMAID_CACHE` moves it (the bench's cold builds and the fixture builds of the tests start from an empty one);
 *  clearing it clears every cached step at once. */
export function cacheRoot(): string {
  return process.env.KB_MERMAID_CACHE ?? join(process.cwd(), 'node_modules', '.cache', 'k8s-kb-mermaid');
}
