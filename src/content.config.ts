import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { fillBaseline } from './lib/baseline.ts';

// The knowledge lives in the top-level content/docs/ (KB_CONTENT_DIR lets the tests build small fixture sites).
const base = process.env.KB_CONTENT_DIR ?? './content/docs';

export const collections = {
  // Starlight's UI strings: its zh-CN set, with the overrides in src/content/i18n/zh-CN.json (an anchor link's
  // accessible name was English there).
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  docs: defineCollection({
    loader: glob({ base, pattern: '**/[^_]*.{md,mdx}' }),
    // `{K8S}` in description and hero.tagline becomes the baseline release (src/lib/baseline.ts).
    schema: (context) =>
      docsSchema({
        // Strict: an unknown key (`titel`, `sidebar.ordr`) fails instead of being dropped. Starlight merges its own
        // fields into these objects and keeps their strictness. The content lint (src/lint/) reports the same keys
        // with their line before a build; this catches them in `astro dev`, which only logs the lint.
        extend: z.strictObject({
          // Required: search results and link previews show it.
          description: z
            .string({ error: '每个页面都需要 description（一句话概括本页，用于搜索结果与链接预览）' })
            .min(8, 'description 太短：用一句完整的话概括本页')
            .transform(fillBaseline),
          sidebar: z.strictObject({}).prefault({}),
        }),
      })(context).transform((data) =>
        data.hero?.tagline ? { ...data, hero: { ...data.hero, tagline: fillBaseline(data.hero.tagline) } } : data,
      ),
  }),
};
