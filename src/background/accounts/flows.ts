/**
 * Browser-tab connection flows (FOMO, HiCoin OAuth; BiYong consent), kept in storage.session so
 * a worker stopped at any step finishes the flow when it wakes:
 *
 *   opening ──tab opened──▶ opened ──redirect seen──▶ captured ──▶ exchanging ──▶ (account saved)
 *
 * Each transition is one atomic update of the stored flow, so a redirect seen twice (tab events
 * fire more than once, or a worker wakes and finds the tab already there) is captured once, and a
 * code is exchanged at most once: a flow found in `exchanging` after a restart is not retried (the
 * platform may have used the code) but ends with a message and the user starts again.
 * The `state` is a fresh random value per flow; only a return on the exact registered redirect
 * URL, in the tab the flow opened, with that state, is accepted. Where the environment takes PKCE
 * the flow also keeps a code_verifier (RFC 7636, S256), and only its challenge leaves.
 */
import { KEYS } from '../../core/storage-keys';
import { alarms, clearAlarm, setAlarm } from '../alarms';
import { onKeysChanged } from '../../ext/storage';
import { FLOW_TTL_MS, type Flow } from '../../core/accounts';
import { errors, toCoinDockError, type CoinDockError } from '../../core/errors';
import { randomAlphanumeric } from '../../core/bytes';
import { codeChallengeS256, newCodeVerifier } from '../../core/pkce';
import { DESCRIPTIONS } from '../../providers/descriptions';
import type { PresetEnvironment } from '../../providers/types';
import type { Store } from '../../core/store';
import type { ProviderContext } from '../../providers/types';
import type { AccountStore } from './account-store';
import type { TokenService } from './tokens';
import { redirectConnector } from '../../providers/registry';
import type { StoredCredentials } from '../../providers/adapter';
import type { Platform } from '../../core/platform';

export interface FlowDeps {
  store: Store;
  accounts: AccountStore;
  tokens: TokenService;
  context(platform: Platform): Promise<ProviderContext>;
  credentials(platform: Platform): Promise<StoredCredentials>;
  now?: () => number;
}

/** Same origin and path as the registered redirect URI (query and fragment may differ). */
export function isRedirectTo(url: string, redirectUri: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(redirectUri);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/** The platform's browser-tab connector; a platform that connects otherwise has no flow. */
function connectorOf(platform: Platform) {
  const connector = redirectConnector(platform);
  if (!connector) {
    throw errors.invalid_input(
      {
        en: 'This platform does not connect in a browser tab',
        zh: '该平台不通过浏览器标签页连接',
      },
      { platform },
    );
  }
  return connector;
}

/** PKCE where the description says the environment takes it (docs/providers/*.md, "PKCE"). */
function pkceFor(platform: Platform, environment: string): boolean {
  return DESCRIPTIONS[platform].pkce?.[environment as PresetEnvironment] === true;
}

function ownWebAuthFlowHost(redirectUri: string): boolean {
  try {
    // The browser's own form: <id>.chromiumapp.org in Chrome, <hash>.extensions.allizom.org in
    // Firefox.
    return new URL(redirectUri).host === new URL(chrome.identity.getRedirectURL()).host;
  } catch {
    return false;
  }
}

function expired(platform: Flow['platform']) {
  return errors.timeout(
    {
      en: 'The connection was not finished within 10 minutes; please connect again',
      zh: '连接未在 10 分钟内完成，请重新连接',
    },
    { platform },
  );
}

/**
 * The one alarm that ends abandoned flows at their deadline (`expiresAt`) even when nothing reads
 * them: a consent tab that never returns, a platform whose page never loads. Alarms outlive the
 * worker, and `list` ends overdue flows at read time too.
 */
export const FLOW_DEADLINE_ALARM = 'coindock.flowDeadline';

export function createFlowService(deps: FlowDeps) {
  const { store } = deps;
  const now = deps.now ?? Date.now;

  /** Apply `fn` to one stored flow atomically; returns the new flow, or undefined if `fn` declines. */
  async function transition(
    id: string,
    fn: (f: Flow) => Flow | undefined,
  ): Promise<Flow | undefined> {
    let result: Flow | undefined;
    await store.update(KEYS.flows, (all) => {
      const cur = all[id];
      result = cur ? fn(cur) : undefined;
      return result ? { ...all, [id]: result } : all;
    });
    return result;
  }

  async function drop(id: string): Promise<void> {
    await store.update(KEYS.flows, (all) => {
      const next = { ...all };
      delete next[id];
      return next;
    });
  }

  async function fail(id: string, e: CoinDockError): Promise<void> {
    const flow = await transition(id, (f) => ({
      ...f,
      step: 'failed',
      error: e.toJSON(),
      capturedUrl: undefined,
    }));
    if (flow?.tabId !== undefined) await chrome.tabs.remove(flow.tabId).catch(() => undefined);
  }

  async function authorizeUrl(flow: Flow): Promise<string> {
    const ctx = await deps.context(flow.platform);
    const creds = await deps.credentials(flow.platform);
    const settings = await store.get(KEYS.settings);
    const sandbox = settings.platforms[flow.platform].environment === 'sandbox';
    const challenge = flow.codeVerifier ? await codeChallengeS256(flow.codeVerifier) : undefined;
    return connectorOf(flow.platform).authorizeUrl(ctx, creds, flow, sandbox, challenge);
  }

  async function openTab(flow: Flow): Promise<void> {
    const tab = await chrome.tabs.create({ url: await authorizeUrl(flow), active: true });
    await transition(flow.id, (f) =>
      f.step === 'opening' ? { ...f, step: 'opened', tabId: tab.id } : undefined,
    );
  }

  async function webAuthFlow(flow: Flow): Promise<void> {
    await transition(flow.id, (f) => ({ ...f, step: 'opened' }));
    try {
      const url = await chrome.identity.launchWebAuthFlow({
        url: await authorizeUrl(flow),
        interactive: true,
      });
      if (!url)
        throw errors.permission({ en: 'The sign-in window was closed', zh: '登录窗口已关闭' });
      await service.capture(flow.id, url);
    } catch (e) {
      await fail(flow.id, toCoinDockError(e, { platform: flow.platform }));
    }
  }

  const service = {
    /** Flows in progress; abandoned ones are ended (in words) as they are found. */
    async list(): Promise<Flow[]> {
      const all = Object.values(await store.get(KEYS.flows));
      for (const f of all) {
        if (f.step !== 'failed' && f.expiresAt <= now()) await fail(f.id, expired(f.platform));
      }
      return Object.values(await store.get(KEYS.flows));
    },

    /** Start connecting: returns at once with the flow; the tab or auth window does the rest. */
    async start(platform: Platform): Promise<Flow> {
      const connector = connectorOf(platform);
      const creds = await deps.credentials(platform);
      const settings = await store.get(KEYS.settings);
      const redirectUri = connector.redirectUri(creds, settings.platforms[platform].returnUrls);
      if (!/^https?:\/\//.test(redirectUri)) {
        throw errors.not_configured(
          { en: 'Set the registered redirect / return URL first', zh: '请先填写注册的回调地址' },
          { platform },
        );
      }
      const t = now();
      const flow: Flow = {
        id: randomAlphanumeric(32),
        platform,
        mode: ownWebAuthFlowHost(redirectUri) ? 'web_auth_flow' : 'tab',
        step: 'opening',
        startedAt: t,
        expiresAt: t + FLOW_TTL_MS,
        redirectUri,
        ...(pkceFor(platform, settings.platforms[platform].environment)
          ? { codeVerifier: newCodeVerifier() }
          : {}),
      };
      // Earlier flows of this platform are superseded: only the newest state is accepted.
      await store.update(KEYS.flows, (all) => {
        const next: Record<string, Flow> = {};
        for (const [id, f] of Object.entries(all)) if (f.platform !== platform) next[id] = f;
        return { ...next, [flow.id]: flow };
      });
      if (flow.mode === 'tab') await openTab(flow);
      else void webAuthFlow(flow);
      return flow;
    },

    /** A tab moved to `url`: capture it if it is the redirect of the flow that opened this tab. */
    async onTabUrl(tabId: number, url: string): Promise<void> {
      const flows = await store.get(KEYS.flows);
      const flow = Object.values(flows).find((f) => f.tabId === tabId && f.step === 'opened');
      if (!flow || !isRedirectTo(url, flow.redirectUri)) return;
      await service.capture(flow.id, url);
    },

    async onTabClosed(tabId: number): Promise<void> {
      const flows = await store.get(KEYS.flows);
      for (const f of Object.values(flows)) {
        if (f.tabId === tabId && (f.step === 'opening' || f.step === 'opened')) {
          await fail(
            f.id,
            errors.permission(
              { en: 'The page was closed before finishing', zh: '页面在完成前被关闭' },
              { platform: f.platform },
            ),
          );
        }
      }
    },

    /** The redirect arrived: keep it (once), close the tab, finish. */
    async capture(id: string, url: string): Promise<void> {
      const stale = (await store.get(KEYS.flows))[id];
      if (stale && stale.expiresAt <= now()) {
        // An abandoned flow is not finished late: its code may be stale and its state too old.
        await fail(id, expired(stale.platform));
        return;
      }
      const flow = await transition(id, (f) =>
        f.step === 'opened' && isRedirectTo(url, f.redirectUri)
          ? { ...f, step: 'captured', capturedUrl: url }
          : undefined,
      );
      if (!flow) return;
      if (flow.tabId !== undefined) await chrome.tabs.remove(flow.tabId).catch(() => undefined);
      await service.complete(id);
    },

    /** Exchange exactly once and save the account. */
    async complete(id: string): Promise<void> {
      const flow = await transition(id, (f) =>
        f.step === 'captured' ? { ...f, step: 'exchanging' } : undefined,
      );
      if (!flow?.capturedUrl) return;
      try {
        const connector = connectorOf(flow.platform);
        const { secret } = connector.readReturn(flow.capturedUrl, flow);
        // The code leaves storage before it is used: it is never exchanged twice.
        await transition(id, (f) => ({ ...f, capturedUrl: undefined }));
        const ctx = await deps.context(flow.platform);
        const done = await connector.finish(
          ctx,
          await deps.credentials(flow.platform),
          secret,
          flow,
        );
        const t = now();
        const prev = await deps.accounts.get(flow.platform);
        await deps.accounts.put({
          platform: flow.platform,
          state: 'connected',
          label: done.label,
          details: done.details,
          connectedAt: prev?.connectedAt ?? t,
          updatedAt: t,
          tokenExpiresAt: done.tokens?.expiresAt,
        });
        if (done.tokens) await deps.tokens.save(flow.platform, done.tokens);
        await drop(id);
      } catch (e) {
        await fail(id, toCoinDockError(e, { platform: flow.platform }));
      }
    },

    /** After a worker start: finish what can be finished, end what cannot, drop the stale. */
    async resume(): Promise<void> {
      for (const f of await service.list()) {
        if (f.step === 'failed') {
          // Its message stays for the popup a while, then the record goes.
          if (f.expiresAt + FLOW_TTL_MS <= now()) await drop(f.id);
          continue;
        }
        if (f.step === 'opening' && f.mode === 'tab') await openTab(f);
        else if (f.step === 'opened' && f.mode === 'tab' && f.tabId !== undefined) {
          const tab = await chrome.tabs.get(f.tabId).catch(() => undefined);
          if (!tab) await service.onTabClosed(f.tabId);
          else if (tab.url) await service.onTabUrl(f.tabId, tab.url);
        } else if (f.step === 'opened' && f.mode === 'web_auth_flow') {
          await fail(
            f.id,
            errors.internal(
              { en: 'The sign-in window was interrupted; try again', zh: '登录窗口被中断，请重试' },
              { platform: f.platform },
            ),
          );
        } else if (f.step === 'captured') await service.complete(f.id);
        else if (f.step === 'exchanging') {
          await fail(
            f.id,
            errors.internal(
              {
                en: 'CoinDock was interrupted while finishing the connection; please connect again',
                zh: '完成连接时 CoinDock 被中断，请重新连接',
              },
              { platform: f.platform },
            ),
          );
        }
      }
    },

    /** Forget a flow (the user dismissed its message, or cancelled): its tab closes too. */
    async dismiss(id: string): Promise<void> {
      const flow = (await store.get(KEYS.flows))[id];
      await drop(id);
      // Dropped first: the tab's closing then finds no flow to fail.
      if (flow && flow.step !== 'failed' && flow.tabId !== undefined) {
        await chrome.tabs.remove(flow.tabId).catch(() => undefined);
      }
    },

    /**
     * Set the deadline alarm to the earliest deadline of the flows in progress (none: cleared).
     * The worker calls it whenever the stored flows change.
     */
    async armDeadline(): Promise<void> {
      const due = Object.values(await store.get(KEYS.flows))
        .filter((f) => f.step !== 'failed')
        .map((f) => f.expiresAt);
      if (due.length === 0) await clearAlarm(FLOW_DEADLINE_ALARM);
      else await setAlarm(FLOW_DEADLINE_ALARM, { when: Math.min(...due) });
    },
  };
  // Listing ends the overdue flows; the change re-arms the alarm for the next deadline.
  alarms.on(FLOW_DEADLINE_ALARM, () => service.list());
  return service;
}

export type FlowService = ReturnType<typeof createFlowService>;

/**
 * Move the deadline alarm with each change of the stored flows (a start, a step, an end), after
 * `ready`. Call it synchronously at the worker's top level, like every worker listener.
 */
export function followFlowDeadline(
  flows: Pick<FlowService, 'armDeadline'>,
  ready: Promise<unknown>,
) {
  onKeysChanged([KEYS.flows], () => {
    void ready.then(() => flows.armDeadline()).catch(() => undefined);
  });
}
