// The question registry: every question heading of the site, read from what the remark plugin recorded.
import { siteBase } from './site-base.ts';
import { getCollection, render } from 'astro:content';
import { checkSiteQuestions } from './content-error.ts';

export interface RegistryEntry {
  id: string;
  title: string;
  topic: string;
  url: string;
  seeds: string[];
  added: boolean;
  /** Search aliases from `<Q aka="…">`: the words people use for the question. */
  aka: string[];
  page: string;
  /** The short answer: the paragraph that opens the answer, as plain text (at most SUMMARY_MAX characters). */
  summary: string;
}

let registry: Promise<RegistryEntry[]> | undefined;

export function pageUrl(entryId: string): string {
  const base = siteBase();
  const path = entryId === 'index' ? '' : `${entryId.replace(/\/index$/, '')}/`;
  return `${base}/${path}`;
}

async function build(): Promise<RegistryEntry[]> {
  const entries = (await getCollection('docs')).sort((a, b) => a.id.localeCompare(b.id));
  const out: (RegistryEntry & { file?: string; line: number })[] = [];
  for (const entry of entries) {
    const { remarkPluginFrontmatter } = await render(entry);
    const questions = (remarkPluginFrontmatter?.questions ?? []) as Array<{ id: string; title: string; seeds: string[]; added: boolean; aka?: string[]; line?: number; summary?: string | null }>;
    for (const q of questions) {
      out.push({
        id: q.id,
        title: q.title,
        topic: entry.id.split('/')[0],
        url: `${pageUrl(entry.id)}#${q.id}`,
        seeds: q.seeds,
        added: q.added,
        aka: q.aka ?? [],
        page: entry.data.title,
        // The content lint stops the build before this when a question has no opening paragraph.
        summary: q.summary ?? '',
        file: entry.filePath,
        line: q.line ?? 0,
      });
    }
  }
  const errors = checkSiteQuestions(out);
  if (errors.length) throw new Error(`Question registry is inconsistent:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  return out.map(({ file, line, ...rest }) => rest);
}

export function getRegistry(): Promise<RegistryEntry[]> {
  registry ??= build();
  return registry;
}
