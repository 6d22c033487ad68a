// WebKit: Debian's WebKitWebDriver (webkit2gtk-driver) driving MiniBrowser, the engine family
// of Safari on iOS, under a virtual X display (xvfb-run; MiniBrowser has no headless mode).
// Plain W3C WebDriver over HTTP with fetch: new session, navigate, execute/async scripts that
// reach into the shadow root, element click.
//
// Classic WebDriver has no log events and no preload scripts, so page errors are caught by an
// error collector (page.mjs `errorCollector`) that runs first in every page: for http pages a
// small proxy in front of the test server puts it at the top of <head>; for file:// pages the
// driver opens a copy of the file with the same script put in the same place.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pageLib, errorCollector } from './page.mjs';

export const MINIBROWSER = process.env.MG_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const COLLECTOR = `<script>(${errorCollector})();</script>`;

/** `html` with the error collector as the first script of <head>. */
export function withCollector(html) {
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (tag) => tag + COLLECTOR);
  return html.replace(/^(\s*<!doctype[^>]*>)?/i, (doctype) => doctype + COLLECTOR);
}

/** An http proxy in front of `target` that adds the collector to every HTML response. */
async function collectingProxy(target) {
  const server = createServer(async (req, res) => {
    try {
      const upstream = await fetch(target + req.url, { headers: { accept: req.headers.accept || '*/*' } });
      const headers = {};
      for (const [key, value] of upstream.headers) {
        if (!/^(content-length|content-encoding|transfer-encoding|connection|keep-alive|date)$/i.test(key)) headers[key] = value;
      }
      let body = Buffer.from(await upstream.arrayBuffer());
      if (/^text\/html/i.test(headers['content-type'] || '')) body = Buffer.from(withCollector(body.toString('utf8')));
      res.writeHead(upstream.status, headers);
      res.end(body);
    } catch (error) {
      res.writeHead(502).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function webkitDriver() {
  const port = await freePort();
  // detached: its own process group (xvfb-run, Xvfb, WebKitWebDriver, MiniBrowser and the
  // WebKit helper processes), killed as a whole at the end.
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`], {
    detached: true, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const killGroup = (signal = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid, signal); } catch { /* gone */ }
    }
  };

  const base = `http://127.0.0.1:${port}`;
  let sessionId = null;
  async function wd(method, path, body, timeout = 40000) {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
    const json = await response.json().catch(() => ({ value: { error: `HTTP ${response.status}` } }));
    if (!response.ok || (json.value && json.value.error)) {
      const { error, message } = json.value || {};
      throw new Error(`WebDriver ${method} ${path.replace(/\/session\/[^/]+/, '')}: ${error || response.status}: ${message || ''}`);
    }
    return json.value;
  }
  const session = (path) => `/session/${sessionId}${path}`;

  const tmp = mkdtempSync(join(tmpdir(), 'mg-webkit-'));
  const proxies = new Map(); // origin → proxy
  const copies = new Map(); // file path → instrumented copy
  const problems = [];
  let currentUrl = null;

  const cleanup = async () => {
    if (sessionId) {
      const id = sessionId;
      sessionId = null;
      await fetch(`${base}/session/${id}`, { method: 'DELETE', signal: AbortSignal.timeout(5000) }).catch(() => {});
    }
    killGroup('SIGTERM');
    await Promise.race([exited, sleep(3000)]);
    killGroup('SIGKILL');
    for (const proxy of proxies.values()) await proxy.close();
    rmSync(tmp, { recursive: true, force: true });
  };

  try {
    const ready = Date.now() + 20000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited: ${stderr.trim()}`);
      try { if ((await wd('GET', '/status', undefined, 1000)).ready !== false) break; } catch { /* not yet */ }
      if (Date.now() > ready) throw new Error(`WebKitWebDriver did not start: ${stderr.trim()}`);
      await sleep(150);
    }
    const created = await wd('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          timeouts: { script: 20000, pageLoad: 30000, implicit: 0 },
        },
      },
    });
    sessionId = created.sessionId;
    const caps = created.capabilities || {};
    await wd('POST', session('/window/rect'), { width: 1280, height: 800 }).catch(() => {});

    async function exec(fn, ...args) {
      const script = `var done = arguments[arguments.length - 1], args = arguments[0];
        Promise.resolve().then(function () { var lib = (${pageLib})(); return (${fn})(lib, ...args); })
          .then(function (v) { done({ ok: true, v: v === undefined ? null : v }); },
                function (e) { done({ ok: false, e: String(e && e.stack || e) }); });`;
      const result = await wd('POST', session('/execute/async'), { script, args: [args] });
      if (!result || !result.ok) throw new Error(`page script failed: ${result && result.e}`);
      return result.v;
    }

    // Reads (and empties) the collector of the page on screen.
    async function harvest() {
      if (!currentUrl) return;
      const found = await wd('POST', session('/execute/sync'), {
        script: 'var l = window.__mgtErrors; return l ? l.splice(0, l.length) : null;', args: [],
      });
      if (found === null) problems.push(`no error collector on ${currentUrl} (errors there would go unseen)`);
      else for (const text of found) problems.push(`${text} (${currentUrl})`);
    }

    // The URL MiniBrowser opens for `url`: through the proxy, or the instrumented copy.
    async function instrumented(url) {
      const parsed = new URL(url);
      if (parsed.protocol === 'file:') {
        const path = fileURLToPath(parsed);
        if (!copies.has(path)) {
          const dir = mkdtempSync(join(tmp, 'file-'));
          const copy = join(dir, basename(path));
          writeFileSync(copy, withCollector(readFileSync(path, 'utf8')));
          copies.set(path, pathToFileURL(copy).href);
        }
        return copies.get(path) + parsed.search + parsed.hash;
      }
      if (!proxies.has(parsed.origin)) proxies.set(parsed.origin, await collectingProxy(parsed.origin));
      return proxies.get(parsed.origin).origin + parsed.pathname + parsed.search + parsed.hash;
    }

    return {
      engine: 'webkit',
      version: `WebKitGTK ${caps.browserVersion || '?'} (MiniBrowser)`,
      goto: async (url) => {
        await harvest().catch((error) => problems.push(`could not read errors on ${currentUrl}: ${error.message}`));
        await wd('POST', session('/url'), { url: await instrumented(url) });
        currentUrl = url;
      },
      exec,
      activate: async () => {
        const element = await wd('POST', session('/execute/sync'), { script: 'return window.__mgtTarget || null;', args: [] });
        if (!element || !element[ELEMENT]) throw new Error('nothing marked to activate');
        await wd('POST', session(`/element/${element[ELEMENT]}/click`), {});
      },
      problems: async () => { await harvest(); return problems.slice(); },
      close: cleanup,
      kill: () => killGroup('SIGKILL'),
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
