// npm run lock:platforms — after `npm install` on a machine whose registry mirror lacks some platform
// builds (here: macOS/Windows binaries of pagefind and the Astro compiler), npm writes a lockfile without
// them and `npm ci` then refuses it ("Missing: …@ from lock file"). This adds the missing optional
// platform packages back as lock entries (name, version, os/cpu), so `npm ci` works on every platform:
// each machine installs only its own binary and skips the others by os/cpu.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** A package-lock.json entry under `packages`: the fields this script reads; the others are kept as they are. */
export interface LockEntry {
  version?: string;
  dev?: boolean;
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** package-lock.json (lockfileVersion 2 or 3): `packages` keyed by install path ('' is the root project). */
export interface Lockfile {
  packages: Record<string, LockEntry>;
  [field: string]: unknown;
}

/** The lock entry written for a platform binary the lockfile lacks. */
export interface PlatformEntry extends LockEntry {
  version: string;
  cpu?: string[];
  dev?: true;
  libc?: string[];
  optional: true;
  os?: string[];
}

const OS: Array<[string, string]> = [['darwin', 'darwin'], ['linux', 'linux'], ['win32', 'win32'], ['windows', 'win32'], ['freebsd', 'freebsd'], ['android', 'android'], ['openharmony', 'openharmony']];
const CPU: Array<[string, string]> = [['arm64', 'arm64'], ['aarch64', 'arm64'], ['x64', 'x64'], ['x86_64', 'x64'], ['ia32', 'ia32'], ['arm', 'arm'], ['wasm32', 'wasm32'], ['riscv64', 'riscv64'], ['s390x', 's390x'], ['ppc64', 'ppc64']];

function platformOf(name: string): { os: string | undefined; cpu: string | undefined; libc: 'musl' | 'glibc' | undefined } {
  const last = name.split('/').pop();
  if (last === undefined) throw new Error(`no package name in ${name}`); // split always returns one part at least
  const parts = last.split('-');
  const os = OS.find(([k]) => parts.includes(k))?.[1];
  const cpu = CPU.find(([k]) => parts.includes(k))?.[1];
  const libc = parts.includes('musl') ? 'musl' : parts.includes('gnu') ? 'glibc' : undefined;
  return { os, cpu, libc };
}

/** Lock entries for optional platform binaries that the lockfile does not list, keyed by lock path. */
export function missingPlatformEntries(lock: Lockfile): Record<string, PlatformEntry> {
  const pkgs = lock.packages;
  const missing: Record<string, PlatformEntry> = {};
  for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${dep}`;
    if (pkgs[nested] || pkgs[`node_modules/${dep}`]) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) continue; // only exact pins can be recorded without a registry
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) continue; // not a platform binary
    missing[`node_modules/${dep}`] = {
      version: spec,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(meta.dev ? { dev: true } : {}),
      ...(libc ? { libc: [libc] } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
    };
  }
  }
  return missing;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = 'package-lock.json';
  const lock = JSON.parse(readFileSync(file, 'utf8')) as Lockfile; // untyped JSON: the file npm wrote
  const missing = missingPlatformEntries(lock);
  const all = { ...lock.packages, ...missing };
  lock.packages = Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  const names = Object.entries(missing).map(([k, v]) => `${k.replace('node_modules/', '')}@${v.version}`);
  console.log(names.length ? `added ${names.length} platform entries:\n  ${names.join('\n  ')}` : 'lockfile already lists every platform binary');
}
