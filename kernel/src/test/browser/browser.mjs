// Shared helpers for NotebookBrowserIT's scripts: launch the system chromium through playwright-core
// (never a downloaded browser), classify request URLs, and the run-and-report-JSON protocol.
//
// Protocol: each script is run as `node <script>.mjs '<config JSON>'` and writes exactly one JSON
// object to stdout. It holds the facts the script observed; when something went wrong it also holds
// "error" (a message), and the facts gathered until then. Progress lines go to stderr. The exit code
// is 0 when the script ran to the end, 1 otherwise.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** The flags the project requires for chromium; the user data dir is a fresh temp dir per launch. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * Launches chromium with CHROMIUM_FLAGS and a fresh --user-data-dir (playwright passes it for a
 * persistent context). close() closes the browser and deletes the profile.
 */
export async function launch(executablePath, viewport) {
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'benchbook-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport,
      timeout: 60_000,
    });
  } catch (e) {
    await fs.rm(userDataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    context,
    version: context.browser()?.version() ?? null,
    async close() {
      try {
        await context.close();
      } finally {
        await fs.rm(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/** True for URLs that need no network: loopback hosts and the schemes a page resolves in-process. */
export function isLoopback(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:', 'file:'].includes(u.protocol)) {
    return true;
  }
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/** True for file:// and the in-process schemes (data:, blob:, about:): nothing that needs a socket. */
export function isFileOrInline(url) {
  return /^(file|data|blob|about):/.test(url);
}

/** Records console errors and uncaught page errors into out.consoleErrors and out.pageErrors. */
export function recordPageProblems(page, out) {
  out.consoleErrors = [];
  out.pageErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && out.consoleErrors.length < 50) {
      out.consoleErrors.push(m.text().slice(0, 500));
    }
  });
  page.on('pageerror', (e) => {
    if (out.pageErrors.length < 50) {
      out.pageErrors.push(String(e).slice(0, 500));
    }
  });
}

/**
 * Facts about every Benchbook plot div inside root (default: the document): whether plotly drew its
 * SVG, how many traces it has and, when there is no SVG, the text shown instead (Benchbook's error).
 * Runs in the page.
 */
export function plotFactsInPage(rootSelector) {
  const root = rootSelector ? document.querySelector(rootSelector) : document;
  if (!root) {
    return [];
  }
  return Array.from(root.querySelectorAll('.benchbook-plot, .js-plotly-plot')).map((el) => ({
    id: el.id,
    plotly: el.classList.contains('js-plotly-plot'),
    svg: el.querySelectorAll('.main-svg').length,
    traces: el.querySelectorAll('.main-svg .trace').length,
    width: Math.round(el.getBoundingClientRect().width),
    height: Math.round(el.getBoundingClientRect().height),
    text: el.querySelector('.main-svg') ? '' : el.textContent.trim().slice(0, 300),
  }));
}

/** Milliseconds since start, rounded. */
export function since(start) {
  return Math.round(performance.now() - start);
}

/** Logs a progress line to stderr with the time since the script started. */
export function log(...parts) {
  process.stderr.write(`[${(performance.now() / 1000).toFixed(1)}s] ${parts.join(' ')}\n`);
}

/**
 * Runs body(config, out) and prints out as JSON. config comes from argv[2]. On an exception or after
 * config.timeoutMs, out.error is set, cleanup (registered by body through out's hidden onCleanup)
 * runs, and the process exits with 1.
 */
export async function runMain(body) {
  const out = {};
  const cleanups = [];
  const onCleanup = (f) => cleanups.push(f);
  let done = false;
  const finish = async (code) => {
    if (done) {
      return;
    }
    done = true;
    for (const f of cleanups.reverse()) {
      try {
        await f();
      } catch (e) {
        log('cleanup failed:', e);
      }
    }
    process.stdout.write(JSON.stringify(out) + '\n');
    process.exit(code);
  };
  let config;
  try {
    config = JSON.parse(process.argv[2] ?? '');
  } catch (e) {
    out.error = `usage: node ${path.basename(process.argv[1])} '<config JSON>': ${e.message}`;
    await finish(1);
    return;
  }
  const timeoutMs = config.timeoutMs ?? 180_000;
  const timer = setTimeout(() => {
    out.error = `${path.basename(process.argv[1])} timed out after ${timeoutMs} ms (stage: ${out.stage ?? '?'})`;
    finish(1);
  }, timeoutMs);
  try {
    await body(config, out, onCleanup);
    clearTimeout(timer);
    await finish(0);
  } catch (e) {
    clearTimeout(timer);
    // After a timeout the browser is closed under the body, which then fails: keep the first reason.
    out.error ??= `${e?.name ?? 'Error'} at stage ${out.stage ?? '?'}: ${e?.message ?? e}`;
    await finish(1);
  }
}
