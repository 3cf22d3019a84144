// Starlight route middleware: last-updated dates from the git history of content/docs, and the base path
// on hero action links (Starlight prefixes the links it generates, not links written in frontmatter).
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { resolve } from 'node:path';
import { contentCommitDates } from './lib/git-dates.mjs';
import { withBase } from './plugins/rehype-base-links.mjs';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  for (const action of route.entry?.data.hero?.actions ?? []) {
    action.link = withBase(action.link, import.meta.env.BASE_URL);
  }
  const file = route.entry?.filePath;
  if (!file || route.entry.data.lastUpdated === false) return;
  const date = contentCommitDates().get(resolve(file));
  if (date) route.lastUpdated = date;
});
