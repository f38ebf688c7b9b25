/**
 * Finding Chromium for the browser tests, in this order: CHROMIUM_PATH, a
 * system Chromium (Debian's `chromium`), then @sparticuz/chromium (ships
 * Chromium inside the npm package). No Chromium means a loud failure that
 * says how to get one, never a silent pass.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export async function chromiumPath(): Promise<string> {
  const explicit = process.env['CHROMIUM_PATH'];
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROMIUM_PATH is ${explicit}, which does not exist.`);
    return explicit;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(candidate)) return candidate;
  try {
    const onPath = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    if (onPath) return onPath;
  } catch {
    // not on PATH
  }
  try {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    const path = await sparticuz.executablePath();
    if (path && existsSync(path)) return path;
  } catch (error) {
    throw new Error(`No Chromium for the browser tests: set CHROMIUM_PATH, install Debian's chromium (apt-get install chromium), or run npm install so that @sparticuz/chromium is present (${(error as Error).message}).`, { cause: error });
  }
  throw new Error('No Chromium for the browser tests: set CHROMIUM_PATH, install Debian\'s chromium (apt-get install chromium), or run npm install so that @sparticuz/chromium is present.');
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromiumPath();
  const sparticuz = executablePath.includes('/tmp/') ? ((await import('@sparticuz/chromium')).default.args as string[]) : [];
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...sparticuz, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright gives every launch a fresh, empty profile of its own.
  });
}
