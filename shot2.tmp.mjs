// screenshots of a page in viewport-sized chunks
import { launchChromium } from '/work/main/src/lib/chromium.mjs';
import { serveDist } from '/work/main/tests/helpers/server.mjs';
const [,, path, prefix, width = '1280', theme = 'light', maxShots = '6'] = process.argv;
const s = await serveDist('/work/main/.test-dist/site', '/k8s-kb');
const b = await launchChromium();
const ctx = await b.newContext({ viewport: { width: Number(width), height: 1400 } });
await ctx.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
const p = await ctx.newPage();
await p.goto(new URL(path, s.url).href, { waitUntil: 'networkidle' });
await p.evaluate(() => document.fonts.ready);
const h = await p.evaluate(() => document.documentElement.scrollHeight);
let i = 0;
for (let y = 0; y < h && i < Number(maxShots); y += 1400, i++) {
  await p.evaluate((y) => window.scrollTo(0, y), y);
  await p.waitForTimeout(150);
  await p.screenshot({ path: `${prefix}_${i}.png` });
}
console.log('height', h, 'shots', i);
await b.close(); await s.close();
