// Reading time on the study path (src/study/reading.ts): prose only, at READING_SPEED characters a minute.
import { describe, expect, it } from 'vitest';
import { prose, readingMinutes, READING_SPEED, ENGLISH_WORDS } from '../../src/study/reading.ts';

describe('reading time', () => {
  it('leaves out code blocks, diagrams, imports, JSX tags and link targets', () => {
    const body = "import X from '~/components/X.astro';\n\n正文一句。\n\n```bash\nkubectl get pods -A\n```\n\n<X topic=\"etcd\" />\n\n[链接](/etcd/raft/#raft-election)\n";
    const text = prose(body);
    expect(text).not.toMatch(/kubectl|import|topic=|raft-election/);
    expect(text).toContain('正文一句。');
    expect(text).toContain('[链接]');
  });
  it('counts Chinese characters and English words at their speeds', () => {
    expect(readingMinutes('字'.repeat(READING_SPEED * 3))).toBe(3);
    expect(readingMinutes('word '.repeat(ENGLISH_WORDS * 2))).toBe(2);
    expect(readingMinutes('短短一句。')).toBe(1);
    expect(readingMinutes('```bash\nls\n```\n')).toBe(0);
  });
});
