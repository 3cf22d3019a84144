import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { missingPlatformEntries } from '../../scripts/lock-platforms.ts';

it('package-lock.json lists every optional platform binary, so `npm ci` accepts it on any machine', () => {
  const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'));
  const missing = Object.keys(missingPlatformEntries(lock));
  expect(missing, 'run `npm run lock:platforms` after `npm install`').toEqual([]);
});
