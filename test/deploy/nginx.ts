/**
 * Running docs/deploy.md's nginx block on Debian's nginx: find the binary,
 * take the block out of the doc, and start a private nginx (own prefix, own
 * config, own error log, 127.0.0.1 only) that serves a folder. Never the
 * system service, never /etc or /var/log. No nginx means a loud failure that
 * says how to get it, never a skip.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HOW_TO_GET_IT = "install Debian's nginx (apt-get install nginx; .ci/run installs it next to chromium) or set NGINX_PATH";
/** Debian's nginx-common ships the MIME map the doc's block includes. */
export const DEBIAN_MIME_TYPES = '/etc/nginx/mime.types';
/** The comment in docs/deploy.md that comes right before the block. */
export const CONFIG_MARKER = '<!-- nginx-config:';

export function nginxPath(): string {
  const explicit = process.env['NGINX_PATH'];
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`NGINX_PATH is ${explicit}, which does not exist.`);
    return explicit;
  }
  try {
    const onPath = execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim();
    if (onPath) return onPath;
  } catch {
    // not on PATH (Debian puts it in /usr/sbin, which a non-root PATH often lacks)
  }
  if (existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  throw new Error(`No nginx for the deploy test (docs/deploy.md's config is tested on real nginx): ${HOW_TO_GET_IT}.`);
}

/** The fenced `nginx` block that follows the marker comment in the Markdown text. */
export function configBlock(markdown: string): string {
  const marker = markdown.indexOf(CONFIG_MARKER);
  if (marker < 0) throw new Error(`docs/deploy.md has no \`${CONFIG_MARKER} … -->\` comment before its nginx block: put it back so the test knows which block to run.`);
  const fence = /^```nginx\n([\s\S]*?)^```$/m.exec(markdown.slice(marker));
  if (!fence) throw new Error('docs/deploy.md: no ```nginx fenced block after the nginx-config comment.');
  return fence[1]!;
}

/** The block with its one `listen` and one `root` pointed at the test's port and folder. */
export function localise(block: string, port: number, root: string): string {
  return replaceOnce(replaceOnce(block, 'listen', `listen 127.0.0.1:${port};`), 'root', `root ${root};`);
}

function replaceOnce(block: string, directive: string, replacement: string): string {
  const pattern = new RegExp(`^(\\s*)${directive}\\s[^;]*;`, 'gm');
  const count = block.match(pattern)?.length ?? 0;
  if (count !== 1) throw new Error(`docs/deploy.md's nginx block has ${count} \`${directive}\` directives; the test replaces exactly one (keep a single \`${directive}\` in the server block).`);
  return block.replace(pattern, (_match, indent: string) => `${indent}${replacement}`);
}

/** The main nginx.conf around the block: everything nginx writes stays in the prefix. */
export function mainConfig(prefix: string): string {
  const temp = (name: string) => join(prefix, 'temp', name);
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    `    access_log ${join(prefix, 'access.log')};`,
    `    client_body_temp_path ${temp('body')};`,
    `    proxy_temp_path ${temp('proxy')};`,
    `    fastcgi_temp_path ${temp('fastcgi')};`,
    `    uwsgi_temp_path ${temp('uwsgi')};`,
    `    scgi_temp_path ${temp('scgi')};`,
    `    include ${join(prefix, 'playbooks.conf')};`,
    '}',
    '',
  ].join('\n');
}

export interface Nginx {
  /** http://127.0.0.1:port, no trailing slash. */
  origin: string;
  /** What `nginx -t` printed for the configuration. */
  checked: string;
  stop(): Promise<void>;
}

/**
 * Start nginx on a free loopback port with the doc's server block, its `root`
 * a temporary folder holding a copy of `site` at the URL path `base` (as the
 * doc says to deploy). The block's `include mime.types` gets Debian's map,
 * copied next to the config as on a Debian host.
 */
export async function startNginx(block: string, site: string, base: string): Promise<Nginx> {
  const binary = nginxPath();
  if (!existsSync(DEBIAN_MIME_TYPES)) throw new Error(`${DEBIAN_MIME_TYPES} is missing (it comes with Debian's nginx-common): ${HOW_TO_GET_IT}.`);
  const prefix = mkdtempSync(join(tmpdir(), 'playbook-nginx-'));
  // Workers drop root for nobody: they must be able to read the prefix and the site in it.
  chmodSync(prefix, 0o755);
  mkdirSync(join(prefix, 'temp'));
  copyFileSync(DEBIAN_MIME_TYPES, join(prefix, 'mime.types'));
  const www = join(prefix, 'www');
  cpSync(site, join(www, base), { recursive: true });
  const port = await freePort();
  writeFileSync(join(prefix, 'playbooks.conf'), localise(block, port, www));
  const config = join(prefix, 'nginx.conf');
  writeFileSync(config, mainConfig(prefix));
  const args = ['-p', `${prefix}/`, '-c', config, '-e', join(prefix, 'error.log')];
  const checked = nginxTest(binary, args, prefix);
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, child, () => `${output}${readLog(prefix)}`);
  return { origin: `http://127.0.0.1:${port}`, checked, stop: () => stop(child).then(() => rmSync(prefix, { recursive: true, force: true })) };
}

function nginxTest(binary: string, args: string[], prefix: string): string {
  // nginx -t reports on stderr, whatever the error log.
  const result = spawnSync(binary, ['-t', ...args], { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}${readLog(prefix)}`;
  if (result.error) throw new Error(`could not run ${binary}: ${result.error.message}`, { cause: result.error });
  if (result.status !== 0) throw new Error(`nginx -t rejected docs/deploy.md's config:\n${output}`);
  return output;
}

function readLog(prefix: string): string {
  const log = join(prefix, 'error.log');
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('could not find a free port on 127.0.0.1');
  return address.port;
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}) before it listened on 127.0.0.1:${port}:\n${output()}`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within 10 s:\n${output()}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Graceful stop (SIGQUIT), then SIGKILL if nginx is still there after 5 s. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGQUIT');
  });
}
