// Starlight route middleware: last-updated dates from the git history of content/docs, and the base path
// on hero action links (Starlight prefixes the links it generates, not links written in frontmatter).
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { resolve } from 'node:path';
import { contentCommitDates } from './lib/git-dates.ts';
import { withBase } from './plugins/rehype-base-links.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const hero = route.entry?.data.hero;
  if (hero?.actions?.length) {
    // Copy instead of mutating: the collection entry is cached and reused across requests in `astro dev`.
    const actions = hero.actions.map((a) => ({ ...a, link: withBase(a.link, import.meta.env.BASE_URL) }));
    route.entry = { ...route.entry, data: { ...route.entry.data, hero: { ...hero, actions } } };
  }
  const file = route.entry?.filePath;
  if (!file || route.entry.data.lastUpdated === false) return;
  const date = contentCommitDates().get(resolve(file));
  if (date) route.lastUpdated = date;
});
