/**
 * The pane's time to interactive on the demo page (production build), in headless Chromium:
 * from navigation start to the moment the "check" button is there and enabled, page time.
 * Then the time of a first check on the demo's sample, click to results.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './optional';
// The end-to-end tests' static server and Chromium launch: the bench measures the same page the same way.
import { CHROMIUM, launchChromium, serve } from '../fixtures/demoServer';
import { scriptSizes, webpackBuild } from './bundle';
import { median, round } from './stats';

export { CHROMIUM };
const DEMO_ENTRY = 'src/demo/demo.tsx';

export interface TtiMeasure {
  ttiMs: number | null;
  ttiRunsMs: number[];
  /** Click on "check" to the findings shown, on the demo's sample. */
  firstCheckMs: number | null;
  /** The demo page's own scripts (the pane plus ExcelJS and the fake workbook), gzipped bytes. */
  demoJsGzipBytes?: number | null;
  note?: string;
}

export async function measureTti(runs = 5): Promise<TtiMeasure> {
  const none = (note: string): TtiMeasure => ({ ttiMs: null, ttiRunsMs: [], firstCheckMs: null, note });
  if (!fs.existsSync(path.join(ROOT, DEMO_ENTRY))) return none(`demo page not there (${DEMO_ENTRY} missing)`);
  if (!fs.existsSync(CHROMIUM)) return none(`${CHROMIUM} not installed`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annex9-bench-demo-'));
  try {
    const build = await webpackBuild(['--config', 'webpack.demo.config.js', '--mode', 'production', '--env', `outDir=${dir}`]);
    if (!build.ok || !fs.existsSync(path.join(dir, 'index.html'))) return none('demo production build failed');
    const server = await serve(dir);
    const browser = await launchChromium();
    try {
      const ready = () => {
        const b = document.getElementById('action-check');
        return b && b.getAttribute('aria-disabled') !== 'true' && !(b as HTMLButtonElement).disabled ? performance.now() : 0;
      };
      const tti: number[] = [];
      let firstCheckMs: number | null = null;
      for (let i = 0; i < runs + 1; i++) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } }); // cold cache each time
        const page = await context.newPage();
        await page.goto(server.url, { waitUntil: 'commit' });
        const at = (await (await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 30_000 })).jsonValue()) as number;
        if (i > 0) tti.push(at); // the first load warms Chromium itself
        if (i === runs) {
          const t = await page.evaluate(() => performance.now());
          await page.click('#action-check');
          await page.waitForFunction(
            () => document.querySelector('#results-headline, [data-testid="clean"]') !== null,
            undefined,
            { polling: 'raf', timeout: 30_000 },
          );
          firstCheckMs = (await page.evaluate(() => performance.now())) - t;
        }
        await context.close();
      }
      return { ttiMs: round(median(tti)), ttiRunsMs: tti.map((x) => round(x)!), firstCheckMs: round(firstCheckMs), demoJsGzipBytes: scriptSizes(dir, 'index.html').jsGzipBytes };
    } finally {
      await browser.close();
      await server.close();
    }
  } catch (e) {
    return none(`demo page measure failed: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
