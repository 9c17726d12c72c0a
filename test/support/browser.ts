// Launches the headless Chromium the browser tests drive: the one that `npm ci`
// installs from the npm registry (@sparticuz/chromium ships it inside its
// tarball, no download), or a system Chromium when that one cannot run here
// (another CPU architecture). CHROMIUM=<path> picks a browser by hand.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

// Flags of @sparticuz/chromium (made for one page per Lambda call) left out:
// --single-process exits with the first closed context; the others would hide
// bugs a user's browser shows (a page opened from file:// could read other files).
const DROPPED = new Set([
  '--single-process',
  '--no-zygote',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
]);

// For a system Chromium: no first-run UI, no background traffic that the tests would count.
const SYSTEM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchedBrowser {
  browser: Browser;
  /** Which Chromium runs, for messages. */
  executable: string;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  const chosen = process.env.CHROMIUM;
  if (chosen) return launch(chosen, SYSTEM_ARGS);
  let bundledError: unknown;
  try {
    const { default: bundled } = await import('@sparticuz/chromium');
    const executable = await bundled.executablePath();
    return await launch(
      executable,
      bundled.args.filter((arg) => !DROPPED.has(arg) && !arg.startsWith('--headless')),
    );
  } catch (error) {
    bundledError = error;
  }
  const system = SYSTEM_CHROMIUM.find((file) => existsSync(file));
  if (system) return launch(system, SYSTEM_ARGS);
  throw new Error(
    `No Chromium to run: @sparticuz/chromium failed (${(bundledError as Error).message}) and none of ${SYSTEM_CHROMIUM.join(', ')} exists. Set CHROMIUM=<path to a Chromium>.`,
  );
}

async function launch(executable: string, args: string[]): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({ executablePath: executable, args, headless: true, timeout: 60_000 });
  return { browser, executable };
}
