/**
 * Installing a browser the way the project allows: Debian's own package through apt-get, and only
 * as root on Debian/Ubuntu (never a browser download of its own: those fail on a closed network
 * and are not what users run). Used by scripts/chromium.ts and scripts/firefox.ts.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

function isDebianLike(): boolean {
  try {
    const os = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(os);
  } catch {
    return false;
  }
}

/** Whether this machine can install Debian packages by itself (root on Debian/Ubuntu). */
export function canAptInstall(): boolean {
  return process.platform === 'linux' && isDebianLike() && process.getuid?.() === 0;
}

/** apt-get update and install `pkg`, quietly and without questions. */
export function aptInstall(pkg: string): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', pkg], { stdio: 'inherit', env });
}
