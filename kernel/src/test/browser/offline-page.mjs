// Opens a saved HTML page (nbconvert's export, a Benchbook report) from a file with the network off:
// every request that is not file://, data:, blob: or about: is recorded and aborted. Reports whether
// the plots drew, the summary table's headers, and how long that took.
//
// Config (argv[2], JSON):
//   chromium     path of the chromium executable
//   file         absolute path of the HTML file
//   minPlots     how many plots must have drawn before the script stops waiting
//   screenshot   where to write a full-page PNG
//   drawTimeoutMs, timeoutMs  limits for the plots to draw and for the whole script
// Output (stdout, JSON): see the fields set on `out` below; "error" when something failed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isFileOrInline, launch, log, plotFactsInPage, recordPageProblems, runMain, since } from './browser.mjs';

runMain(async (cfg, out, onCleanup) => {
  const started = performance.now();
  out.stage = 'launch';
  const browser = await launch(cfg.chromium, { width: 1280, height: 1000 });
  onCleanup(() => browser.close());
  out.browserVersion = browser.version;
  out.timings = { launchMs: since(started) };
  out.fileBytes = (await fs.stat(cfg.file)).size;

  const { context } = browser;
  out.requests = 0;
  out.aborted = [];
  context.on('request', () => out.requests++);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isFileOrInline(url)) {
      return route.continue();
    }
    out.aborted.push(url);
    return route.abort('internetdisconnected');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  recordPageProblems(page, out);
  onCleanup(async () => {
    if (out.error) {
      const file = cfg.screenshot.replace(/\.png$/, '-failed.png');
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
      out.failureScreenshot = file;
    }
  });

  out.stage = 'load';
  const t = performance.now();
  await page.goto(pathToFileURL(cfg.file).href, { waitUntil: 'load', timeout: 60_000 });
  out.timings.loadMs = since(t);

  out.stage = 'wait for plots';
  // Each Benchbook plot div ends drawn (plotly's SVG with traces) or showing why it could not draw.
  await page.waitForFunction((minPlots) => {
    const divs = Array.from(document.querySelectorAll('.benchbook-plot'));
    const drawn = divs.filter((d) => d.querySelector('.main-svg .trace')).length;
    const settled = divs.every((d) => d.querySelector('.main-svg .trace') || d.textContent.trim());
    return drawn >= minPlots || (divs.length > 0 && settled);
  }, cfg.minPlots, { timeout: cfg.drawTimeoutMs ?? 60_000, polling: 50 });
  out.timings.loadToPlotsDrawnMs = since(t);
  log(path.basename(cfg.file), 'plots settled', out.timings.loadToPlotsDrawnMs, 'ms after navigation started');

  out.stage = 'collect';
  out.plots = await page.evaluate(plotFactsInPage, null);
  out.tableHeaders = await page.evaluate(() => Array.from(document.querySelectorAll('table'))
    .map((table) => Array.from(table.querySelectorAll('th')).map((th) => th.textContent.trim())));
  out.title = await page.title();
  out.plotlyVersion = await page.evaluate(() => window.Plotly?.version ?? null);
  // Whether an AMD loader (nbconvert's require.js) is on the page: then plotly only drew because
  // Benchbook hid `define` while plotly.js ran.
  out.amd = await page.evaluate(() => typeof window.define === 'function' && !!window.define.amd);

  // Best effort, for a clean screenshot: MathJax (in nbconvert's page) shows a loading box for a while.
  await page.waitForFunction(() => {
    const m = document.querySelector('#MathJax_Message');
    return !m || !m.textContent.trim() || getComputedStyle(m).display === 'none';
  }, null, { timeout: 5_000 }).catch(() => log('MathJax still loading; screenshot anyway'));

  out.stage = 'screenshot';
  await fs.mkdir(path.dirname(cfg.screenshot), { recursive: true });
  await page.screenshot({ path: cfg.screenshot, fullPage: true });
  out.screenshotBytes = (await fs.stat(cfg.screenshot)).size;
  delete out.stage;
  out.timings.totalMs = since(started);
});
