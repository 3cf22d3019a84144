// Makes tests/fixtures/seed-fingerprint.txt from the source documents: hashes of every 20-character window,
// never the text. Run once when the sources change:  node scripts/fingerprint-seeds.ts [../shared/seeds]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { windowHashes, WINDOW } from '../src/lib/own-words.ts';

const dir = process.argv[2] ?? '../shared/seeds';
const all = new Set<string>();
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
for (const f of files) for (const h of windowHashes(readFileSync(join(dir, f), 'utf8'))) all.add(h);
const out = `# sha1[0:12] of every ${WINDOW}-char normalised window of ${files.length} source documents\n${[...all].sort().join('\n')}\n`;
writeFileSync('tests/fixtures/seed-fingerprint.txt', out);
console.log(`${all.size} window hashes from ${files.length} files → tests/fixtures/seed-fingerprint.txt`);
