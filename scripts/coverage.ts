// npm run coverage — how many of the source questions the site answers, per topic, and which are missing.
import { loadContent } from '../src/lib/content-scan.ts';
import { coverage, completeTopics } from '../src/lib/coverage.ts';
import { sourceQuestions } from '../src/lib/questions.ts';

const pages = loadContent();
const rows = coverage(pages.flatMap((p) => p.questions));
const complete = new Set(completeTopics());
const covered = rows.reduce((n, r) => n + r.covered, 0);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log(`Source questions covered: ${covered}/${sourceQuestions.length} (${((covered / sourceQuestions.length) * 100).toFixed(1)}%)\n`);
console.log(`${pad('topic', 17)}${pad('covered', 10)}${pad('%', 7)}${pad('site Qs', 9)}${pad('added', 7)}complete?`);
for (const r of rows) {
  const pct = r.total ? Math.round((r.covered / r.total) * 100) : 100;
  console.log(`${pad(r.topic, 17)}${pad(`${r.covered}/${r.total}`, 10)}${pad(`${pct}%`, 7)}${pad(r.questions, 9)}${pad(r.added, 7)}${complete.has(r.topic) ? 'listed' : ''}`);
}
const missing = rows.flatMap((r) => r.missing.map((m) => ({ ...m, topic: r.topic })));
if (missing.length) {
  console.log(`\nMissing (${missing.length}):`);
  for (const r of rows) {
    if (!r.missing.length) continue;
    console.log(`  ${r.topic}:`);
    for (const m of r.missing) console.log(`    - ${m.id}  ${m.question.replace(/\s+/g, ' ').slice(0, 60)}`);
  }
}
const broken = rows.filter((r) => complete.has(r.topic) && r.missing.length);
if (broken.length) {
  console.error(`\nTopics listed as complete in data/complete-topics.json but not fully covered: ${broken.map((r) => r.topic).join(', ')}`);
  process.exitCode = 1;
}
