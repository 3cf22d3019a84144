// Public, machine-readable registry of every question: <base>/questions.json
import type { APIRoute } from 'astro';
import { getRegistry } from '../lib/registry';

export const GET: APIRoute = async () => {
  const registry = await getRegistry();
  const body = registry.map(({ id, title, topic, url, seeds, added, aka, page, summary }) => ({ id, title, topic, url, seeds, added, aka, page, summary }));
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
