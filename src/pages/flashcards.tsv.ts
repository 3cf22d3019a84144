// <base>/flashcards.tsv: the question bank as Anki flashcards (src/study/flashcards.ts), from the registry.
import type { APIRoute } from 'astro';
import { getRegistry } from '../lib/registry';
import { flashcardsTsv } from '../study/flashcards.ts';

export const GET: APIRoute = async ({ site }) => {
  const body = flashcardsTsv(await getRegistry(), (site ?? new URL('http://localhost:4321')).href);
  return new Response(body, { headers: { 'Content-Type': 'text/tab-separated-values; charset=utf-8' } });
};
