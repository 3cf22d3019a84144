// Starlight route middleware: last-updated dates from the git history of content/docs.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { resolve } from 'node:path';
import { contentCommitDates } from './lib/git-dates.mjs';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const file = route.entry?.filePath;
  if (!file || route.entry.data.lastUpdated === false) return;
  const date = contentCommitDates().get(resolve(file));
  if (date) route.lastUpdated = date;
});
