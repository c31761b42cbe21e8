/**
 * `npm run sandbox`: run the sandbox until Ctrl-C and print where everything is.
 * Flags: --port N (env SANDBOX_PORT, default contract.ts DEFAULT_PORT), --host H (default
 * 127.0.0.1). Env SANDBOX_TIME_SCALE compresses the timer wheel (e.g. 600: a 10-minute FOMO
 * callback retry takes one second).
 */
import { parseArgs } from 'node:util';
import { CONTROL, DEFAULT_PORT, DEMO, DEMO_API, HOST, MERCHANT_PATHS, baseUrls } from './contract';
import { demoCredentials } from './demo-keys';
import { startSandbox } from './server';

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(2);
}

function parsePort(raw: string): number {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65_535) fail(`not a port: ${raw}`);
  return Number(raw);
}

async function main(): Promise<void> {
  let values: { port?: string; host?: string; quiet?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        quiet: { type: 'boolean' },
      },
    }));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const port = parsePort(values.port ?? process.env.SANDBOX_PORT ?? String(DEFAULT_PORT));
  const host = values.host ?? HOST;
  const scaleRaw = process.env.SANDBOX_TIME_SCALE;
  const timeScale = scaleRaw === undefined ? 1 : Number(scaleRaw);
  if (!Number.isFinite(timeScale) || timeScale <= 0)
    fail(`SANDBOX_TIME_SCALE must be a positive number`);

  const sandbox = await startSandbox({ port, host, timeScale, quiet: values.quiet ?? false });
  const o = sandbox.origin;
  const urls = baseUrls(o);
  const keys = demoCredentials(o);
  const gc = DEMO.grandchain.users;
  console.info(`CoinDock sandbox on ${o}${timeScale === 1 ? '' : `  (timers ×${timeScale})`}
${host === HOST ? '' : `  Warning: listening on ${host}, not loopback only.\n`}
Platforms
  FOMO         ${urls.fomo}
  GOW          ${urls.gow}
  BiYong       ${urls.biyong}
  Grand Chain  ${urls.grandchain}
  HiCoin       ${urls.hicoin}

Merchant return URLs (register these as redirect URIs)
  FOMO         ${o}${MERCHANT_PATHS.fomoReturn}
  FOMO front   ${o}${MERCHANT_PATHS.fomoFront}
  FOMO callback (server_uri)  ${o}${MERCHANT_PATHS.fomoCallback}
  HiCoin       ${o}${MERCHANT_PATHS.hicoinReturn}
  BiYong       ${o}${MERCHANT_PATHS.biyongReturn}

Control API    ${o}${CONTROL.health}  (see sandbox/README.md)

Demo credentials (sandbox data only, not real secrets; all of them as JSON: ${o}${DEMO_API.credentials})
  FOMO         client_id ${keys.fomo.clientId}  client_secret ${keys.fomo.clientSecret}  user ${DEMO.fomo.user.userId}
  GOW          apiKey ${keys.gow.apiKey}  secretKey ${keys.gow.secretKey}  accounts ${Object.keys(DEMO.gow.accounts).join(', ')}
  BiYong       AppId ${keys.biyong.appId}  (merchant RSA keys: sandbox/demo-keys.ts, or the JSON above)
  Grand Chain  ${gc.map((u) => `${u.email} / ${u.password}`).join('  ·  ')}
  HiCoin       app_id ${keys.hicoin.appId}  secret ${keys.hicoin.secret}

Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`\n${signal}: stopping the sandbox…`);
    sandbox.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`sandbox: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
