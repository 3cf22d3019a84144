// Lighthouse (mobile preset: a mid-range phone, simulated slow 4G) on pages of a built site, with the project's
// Chromium (src/lib/chromium.ts). Used by `npm run bench`; the site must be served with gzip like GitHub Pages
// (tests/helpers/server.ts), or byte figures come out several times too high.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { BASE_ARGS, findChromium } from '../src/lib/chromium.ts';

export interface LighthouseRow {
  page: string;
  performance: number;
  accessibility: number;
  /** Milliseconds. */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Bytes transferred, and DOM elements. */
  transfer: number;
  dom: number;
}

/** Runs Lighthouse once per page (`pages` relative to `siteUrl`), one Chromium for all. */
export async function runLighthouse(siteUrl: string, pages: readonly string[]): Promise<LighthouseRow[]> {
  const found = await findChromium();
  const flags = found.args.some((a) => a.startsWith('--headless')) ? found.args : ['--headless=new', ...found.args];
  const chrome = await chromeLauncher.launch({ chromePath: found.executablePath, chromeFlags: [...new Set([...flags, ...BASE_ARGS])] });
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages) {
      const result = await lighthouse(`${siteUrl}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${page}`);
      const num = (id: string) => Number(lhr.audits[id]?.numericValue ?? NaN);
      rows.push({
        page,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        fcp: num('first-contentful-paint'),
        lcp: num('largest-contentful-paint'),
        tbt: num('total-blocking-time'),
        cls: num('cumulative-layout-shift'),
        transfer: num('total-byte-weight'),
        dom: num('dom-size'),
      });
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
