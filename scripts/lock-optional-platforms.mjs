#!/usr/bin/env node
// Completes package-lock.json with optional per-platform packages that npm could not lock.
//
// Why: the registry this project is built against serves only some platform builds of native
// packages (e.g. @msgpackr-extract/msgpackr-extract-darwin-x64 is a 404). npm then leaves them out
// of the lockfile, and `npm ci` refuses to run ("Missing: … from lock file"). An entry that names
// the package's os and cpu lets npm ci see it and skip it on every other platform.
// Run after any `npm install` that changes the lockfile: `node scripts/lock-optional-platforms.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openbsd', 'sunos', 'aix'];
const CPU = { x64: 'x64', arm64: 'arm64', arm: 'arm', ia32: 'ia32', gnueabihf: 'arm', eabi: 'arm', riscv64: 'riscv64', s390x: 's390x', ppc64: 'ppc64' };

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (lock.packages[`node_modules/${name}`] || lock.packages[`${key}/node_modules/${name}`]) continue;
    const parts = name.split('/').pop().split('-');
    const os = OS.find((o) => parts.includes(o));
    const cpu = parts.map((p) => CPU[p]).find(Boolean);
    if (!os || !cpu) throw new Error(`cannot tell the platform of ${name} (optional dependency of ${key}); add it by hand`);
    lock.packages[`node_modules/${name}`] = { version, ...(entry.dev ? { dev: true } : {}), cpu: [cpu], optional: true, os: [os] };
    added++;
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-optional-platforms: added ${added} entries`);
