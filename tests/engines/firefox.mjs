// Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (Playwright
// cannot drive a stock Firefox). Page errors arrive as BiDi `log.entryAdded` events, which
// puppeteer surfaces as `pageerror` (JavaScript errors, unhandled rejections) and `console`.
import puppeteer from 'puppeteer-core';
import { expression } from './chromium.mjs';

export const FIREFOX = process.env.MG_FIREFOX || '/usr/bin/firefox-esr';

export async function firefoxDriver() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    protocolTimeout: 30000,
    timeout: 60000,
    extraPrefsFirefox: {
      // Quiet, fast, no outside requests from the browser itself.
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      'app.update.disabledForTesting': true,
      'network.captive-portal-service.enabled': false,
    },
  });
  const child = browser.process();
  const killGroup = () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { try { child.kill('SIGKILL'); } catch { /* gone */ } }
    }
  };
  try {
    const page = (await browser.pages())[0] || await browser.newPage();
    page.setDefaultTimeout(10000);
    const problems = [];
    page.on('pageerror', (error) => problems.push(`uncaught ${error && (error.stack || error.message) || error} (${page.url()})`));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error') problems.push(`console.error: ${text} (${page.url()})`);
      else if (message.type() === 'warn' && /^massage-guide:/.test(text)) problems.push(`console.warn: ${text}`);
    });
    const version = (await browser.version()).replace(/^firefox\//i, '');
    return {
      engine: 'firefox',
      version: `Firefox ${version}`,
      page,
      goto: async (url) => { await page.goto(url, { waitUntil: 'load' }); },
      exec: (fn, ...args) => page.evaluate(expression(fn, args)),
      activate: async () => {
        const handle = await page.evaluateHandle(() => window.__mgtTarget);
        try {
          const element = handle.asElement();
          if (!element) throw new Error('nothing marked to activate');
          await element.click();
        } finally {
          await handle.dispose().catch(() => {});
        }
      },
      problems: async () => problems.slice(),
      close: async () => {
        await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
        killGroup();
      },
      kill: killGroup,
    };
  } catch (error) {
    killGroup();
    throw error;
  }
}
