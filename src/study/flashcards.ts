// The question bank as an Anki import file (issue #15 item 5): tab-separated, with Anki's file headers so it imports
// as it is into the Basic note type — front: the question; back: the short answer and a link to the full answer;
// tags: the topic; GUID: the question id (importing a newer file updates the cards instead of adding copies).
import type { RegistryEntry } from '../lib/registry.ts';

export type FlashcardQuestion = Pick<RegistryEntry, 'id' | 'title' | 'topic' | 'url' | 'summary' | 'page'>;

export const FLASHCARD_DECK = 'K8s 中文知识库';
export const FLASHCARD_TAG_PREFIX = 'k8s-kb::';

const html = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A field may hold no tab or line break (they separate fields and notes). */
const field = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');

/** The file: Anki headers, then one line per question. `site` is the absolute origin the links start with. */
export function flashcardsTsv(questions: readonly FlashcardQuestion[], site: string): string {
  const lines = ['#separator:tab', '#html:true', `#deck:${FLASHCARD_DECK}`, '#notetype:Basic', '#tags column:3', '#guid column:4'];
  for (const q of questions) {
    const link = new URL(q.url, site).href;
    const back = `${html(q.summary)}<br><br><a href="${html(link)}">${html(q.page)} · 完整答案</a>`;
    lines.push([field(html(q.title)), field(back), `${FLASHCARD_TAG_PREFIX}${q.topic}`, `k8s-kb-${q.id}`].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
