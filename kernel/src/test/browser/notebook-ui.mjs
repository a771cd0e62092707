// Runs every cell of a notebook in the live classic Jupyter Notebook UI and reports what the page
// shows. Every request that would leave the loopback interface is recorded and aborted, so a plot
// that draws drew with the network off.
//
// Config (argv[2], JSON):
//   chromium     path of the chromium executable
//   url          the notebook's URL, with ?token=...
//   kernel       the expected kernel implementation name (kernel_info "implementation")
//   summaryCell  index of the cell whose output is the summary table
//   figureCell   index of the cell whose output is the figure
//   screenshot   where to write a PNG of the figure and table
//   readyTimeoutMs, runTimeoutMs, timeoutMs  limits for kernel start, Run All, the whole script
// Output (stdout, JSON): see the fields set on `out` below; "error" when something failed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { isLoopback, launch, log, plotFactsInPage, recordPageProblems, runMain, since } from './browser.mjs';

runMain(async (cfg, out, onCleanup) => {
  const started = performance.now();
  out.stage = 'launch';
  const browser = await launch(cfg.chromium, { width: 1280, height: 1500 });
  onCleanup(() => browser.close());
  out.browserVersion = browser.version;
  out.timings = { launchMs: since(started) };
  log('chromium', browser.version, 'up in', out.timings.launchMs, 'ms');

  const { context } = browser;
  out.requests = 0;
  out.offLoopback = [];
  out.websockets = [];
  context.on('request', (r) => {
    out.requests++;
    if (!isLoopback(r.url())) {
      out.offLoopback.push(r.url());
    }
  });
  // The network is off for this page: only loopback requests go through.
  await context.route('**/*', (route) =>
    isLoopback(route.request().url()) ? route.continue() : route.abort('internetdisconnected'));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('websocket', (ws) => out.websockets.push(ws.url().replace(/token=[^&]*/, 'token=...')));
  recordPageProblems(page, out);
  onCleanup(async () => {
    if (out.error) {
      const file = cfg.screenshot.replace(/\.png$/, '-failed.png');
      await page.screenshot({ path: file, timeout: 10_000 });
      out.failureScreenshot = file;
    }
  });
  page.on('dialog', (d) => {
    out.dialogs = [...(out.dialogs ?? []), d.message()];
    d.dismiss().catch(() => {});
  });

  out.stage = 'open notebook';
  let t = performance.now();
  await page.goto(cfg.url, { waitUntil: 'load', timeout: 60_000 });
  out.timings.pageLoadMs = since(t);

  out.stage = 'wait for kernel idle';
  await page.waitForFunction(
    (kernel) => {
      const k = window.Jupyter?.notebook?.kernel;
      return k && k.is_connected() && k.info_reply?.implementation === kernel
        && document.querySelector('#kernel_indicator_icon')?.classList.contains('kernel_idle_icon');
    },
    cfg.kernel,
    { timeout: cfg.readyTimeoutMs ?? 90_000, polling: 100 },
  );
  out.timings.kernelReadyMs = since(t);
  out.amdBefore = await page.evaluate(() => typeof window.define === 'function' && !!window.define.amd);
  log('kernel', cfg.kernel, 'idle', out.timings.kernelReadyMs, 'ms after opening the page');

  out.stage = 'run all cells';
  t = performance.now();
  await page.evaluate(() => window.Jupyter.notebook.execute_all_cells());
  // Done when nothing runs any more (a failed cell stops Run All, so that ends it too) and the
  // figure drew or gave up.
  const state = () => page.evaluate((figureCell) => {
    const cells = window.Jupyter.notebook.get_cells();
    const figure = cells[figureCell]?.output_area?.element?.[0];
    const plots = Array.from(figure?.querySelectorAll('.benchbook-plot') ?? []);
    return {
      drawn: !!figure?.querySelector('.js-plotly-plot .main-svg .trace'),
      // A Benchbook plot div ends drawn or showing why not (after FigureHtml.WAIT_MS without plotly).
      settled: plots.every((p) => p.querySelector('.main-svg .trace') || p.textContent.trim()),
      running: cells.filter((c) => c.cell_type === 'code' && c.input_prompt_number === '*').length,
      prompts: cells.map((c) => c.input_prompt_number ?? null),
      idle: !!document.querySelector('#kernel_indicator_icon')?.classList.contains('kernel_idle_icon'),
    };
  }, cfg.figureCell);
  // Polled rather than waited for in the page: each poll also notes when each cell got its number.
  const runTimeoutMs = cfg.runTimeoutMs ?? 120_000;
  out.timings.cellDoneMs = [];
  let s;
  for (;;) {
    s = await state();
    s.prompts.forEach((p, i) => {
      if (typeof p === 'number' && out.timings.cellDoneMs[i] == null) {
        out.timings.cellDoneMs[i] = since(t);
      }
    });
    if (s.drawn && out.timings.runAllToPlotMs == null) {
      out.timings.runAllToPlotMs = since(t);
      log('figure drawn', out.timings.runAllToPlotMs, 'ms after Run All');
    }
    if (s.running === 0 && s.idle && s.settled) {
      break;
    }
    if (since(t) > runTimeoutMs) {
      throw new Error(`Run All did not finish in ${runTimeoutMs} ms: ${JSON.stringify(s)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  out.timings.runAllDoneMs = since(t);

  out.stage = 'collect';
  out.cells = await page.evaluate(() => window.Jupyter.notebook.get_cells()
    .filter((c) => c.cell_type === 'code')
    .map((c) => ({
      prompt: c.input_prompt_number,
      outputs: c.output_area.outputs.map((o) => ({
        type: o.output_type,
        mimes: Object.keys(o.data ?? {}),
        htmlChars: typeof o.data?.['text/html'] === 'string' ? o.data['text/html'].length
          : Array.isArray(o.data?.['text/html']) ? o.data['text/html'].join('').length : 0,
        text: String(o.data?.['text/plain'] ?? o.text ?? [o.ename, o.evalue].filter(Boolean).join(': ')).slice(0, 500),
        traceback: (o.traceback ?? []).join('\n').replace(/\u001b\[[0-9;]*m/g, '').slice(0, 2000),
      })),
    })));
  out.summaryHeaders = await page.evaluate((i) => Array.from(
    window.Jupyter.notebook.get_cell(i).output_area.element[0].querySelectorAll('table th'),
  ).map((th) => th.textContent.trim()), cfg.summaryCell);
  out.figurePlots = await page.evaluate((i) => {
    const el = window.Jupyter.notebook.get_cell(i).output_area.element[0];
    el.id = el.id || 'benchbook-figure-output';
    return el.id;
  }, cfg.figureCell).then((id) => page.evaluate(plotFactsInPage, `#${id}`));
  out.plotlyVersion = await page.evaluate(() => window.Plotly?.version ?? null);
  out.amdAfter = await page.evaluate(() => typeof window.define === 'function' && !!window.define.amd);
  out.kernelStatus = await page.evaluate(() =>
    document.querySelector('#kernel_indicator_icon')?.className ?? null);

  out.stage = 'screenshot';
  await page.evaluate((i) => window.Jupyter.notebook.get_cell(i).element[0].scrollIntoView({ block: 'start' }),
    cfg.summaryCell);
  await fs.mkdir(path.dirname(cfg.screenshot), { recursive: true });
  await page.screenshot({ path: cfg.screenshot });
  out.screenshotBytes = (await fs.stat(cfg.screenshot)).size;
  // A second tab on the same running kernel: the kernel has already sent plotly.js once, so the new
  // figure output lacks it and must fetch it from the kernel through the benchbook.plotly comm.
  out.stage = 'second tab';
  const second = await context.newPage();
  recordPageProblems(second, out);
  t = performance.now();
  await second.goto(cfg.url, { waitUntil: 'load', timeout: 60_000 });
  await second.waitForFunction(
    () => {
      const k = window.Jupyter?.notebook?.kernel;
      return k && k.is_connected()
        && document.querySelector('#kernel_indicator_icon')?.classList.contains('kernel_idle_icon');
    },
    null,
    { timeout: cfg.readyTimeoutMs ?? 90_000, polling: 100 },
  );
  const plotlyBefore = await second.evaluate(() => !!window.Plotly);
  const t2 = performance.now();
  await second.evaluate((i) => window.Jupyter.notebook.execute_cells([i]), cfg.figureCell);
  await second.waitForFunction((i) => {
    const el = window.Jupyter.notebook.get_cell(i).output_area.element[0];
    const plot = el.querySelector('.benchbook-plot');
    return el.querySelector('.js-plotly-plot .main-svg .trace') || (plot && plot.textContent.trim());
  }, cfg.figureCell, { timeout: 60_000, polling: 100 });
  out.secondTab = await second.evaluate((i) => {
    const el = window.Jupyter.notebook.get_cell(i).output_area.element[0];
    const html = el.innerHTML;
    return {
      drawn: !!el.querySelector('.js-plotly-plot .main-svg .trace'),
      text: el.querySelector('.benchbook-plot')?.textContent?.trim()?.slice(0, 300) ?? '',
      outputCarriedPlotly: html.includes('plotly.js v'),
    };
  }, cfg.figureCell);
  out.secondTab.plotlyBefore = plotlyBefore;
  out.secondTab.openMs = since(t);
  out.secondTab.runToPlotMs = since(t2);
  log('second tab: figure', out.secondTab.drawn ? 'drawn' : 'NOT drawn', out.secondTab.runToPlotMs, 'ms after running it');
  await second.close();
  delete out.stage;
  out.timings.totalMs = since(started);
});
