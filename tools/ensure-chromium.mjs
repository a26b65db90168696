#!/usr/bin/env node
// Runs before `npm test` and makes sure a Chromium for the end-to-end tests exists. Playwright cannot
// download its own browsers on machines without internet access. So on Debian or Ubuntu, as root,
// this installs the distribution's `chromium` package, and elsewhere it explains what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const systemChromium = '/usr/bin/chromium';

function playwrightHasBrowser() {
  try {
    const output = execFileSync('npx', ['playwright', 'install', '--dry-run', 'chromium'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /Install location:\s+(\S+)/.exec(output);
    return Boolean(match && existsSync(match[1]));
  } catch {
    return false;
  }
}

if (process.env.CHROMIUM_PATH) {
  if (!existsSync(process.env.CHROMIUM_PATH)) {
    console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file exists there. Point it at a Chromium binary or unset it.`);
    process.exit(1);
  }
} else if (!existsSync(systemChromium) && !playwrightHasBrowser()) {
  const canApt = existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (!canApt) {
    console.error(
      'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
        'set CHROMIUM_PATH to a Chromium binary, or run `npx playwright install chromium` where downloads are allowed.',
    );
    process.exit(1);
  }
  console.log('Installing Chromium from the distribution packages for the end-to-end tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
}
