// Child processes for the benchmark: started in their own process group, their output kept as timestamped lines
// (for the server-side profile), and always stopped by killing the whole tree with SIGKILL (dotnet watch ignores
// SIGINT/SIGTERM in non-interactive mode, and its app is a grandchild).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import readline from 'node:readline';

const running = new Set();

export const now = () => performance.timeOrigin + performance.now();

/** Every descendant of a process, read from /proc (children that left the process group are found too). */
function descendants(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch { /* the process ended meanwhile */ }
  }
  const all = [];
  const stack = [pid];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()) ?? []) { all.push(child); stack.push(child); }
  }
  return all;
}

function killTree(pid) {
  const pids = descendants(pid);
  for (const target of [-pid, pid, ...pids]) {
    try { process.kill(target, 'SIGKILL'); } catch { /* already gone */ }
  }
}

export class Child {
  /** @param {string} logFile every output line goes there with an ISO timestamp */
  constructor(command, args, { cwd, env = {}, logFile }) {
    this.lines = [];
    this.log = fs.createWriteStream(logFile, { flags: 'a' });
    this.log.write(`${new Date().toISOString()} $ ${command} ${args.join(' ')}\n`);
    this.process = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      detached: true, // its own process group, so the whole tree can be killed
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    this.hasExited = false;
    this.exited.then(() => { this.hasExited = true; });
    for (const stream of [this.process.stdout, this.process.stderr]) {
      readline.createInterface({ input: stream }).on('line', (text) => {
        const at = now();
        this.lines.push({ at, text });
        this.log.write(`${new Date(at).toISOString()} ${text}\n`);
      });
    }
    running.add(this);
  }

  tail(count = 40) {
    return this.lines.slice(-count).map((l) => l.text).join('\n');
  }

  async stop() {
    if (!running.has(this)) return;
    running.delete(this);
    killTree(this.process.pid);
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 5000))]);
    this.log.end();
  }
}

export async function stopAll() {
  await Promise.all([...running].map((child) => child.stop()));
}

/** Runs a command to completion (a build); throws with its output when it fails. */
export function run(command, args, { cwd, env = {}, logFile }) {
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  fs.appendFileSync(logFile, `$ ${command} ${args.join(' ')}\n${result.stdout}${result.stderr}\n`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${(result.stdout + result.stderr).slice(-4000)}`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls the URL until it answers 200; fails early if the server process died. */
export async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.hasExited) throw new Error(`the server exited before ${url} answered:\n${child.tail()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10000) });
      if (response.ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child.tail()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
