/**
 * The one message map: for each name, the request's schema, the response's type, who may send
 * it, and whether it answers before start-up finishes. The dispatcher (`createDispatcher` in
 * `message-protocol.ts`) checks each request against its schema once, waits for start-up once and
 * checks the sender once, so handlers (src/background/handlers/*) receive checked, typed input.
 *
 * Worker-only at run time: pages and the content script import only `MessageMap` (a type, in
 * `messages.ts`), so these schemas never weigh on the popup's first paint.
 */
import * as v from 'valibot';
import { typeOnly, type MessageDefs } from './message-protocol';
import { errors } from './errors';
import { PLATFORMS } from './platform';
import { INSECURE_URL, SettingsPatchSchema, type Settings } from './settings';
import { ACTIVITY_PAGE_MAX } from './activity';
import type { ReturnRecord } from './returns';
import type { Account } from './accounts';
import type { Transfer } from './transfers';
import type { BalanceHistoryView, LedgerChartView } from './charts';
import type { ActivityOverview, ActivityPage, NetFlowView } from './activity';
import {
  OPTIONS_SECTIONS,
  type AccountsView,
  type CredentialsView,
  type PingResult,
  type ReturnVerdict,
  type VaultStatus,
} from './messages';

// Pieces several requests share. Lengths bound what a page can make the worker hold.
const Empty = v.strictObject({});
const PlatformReq = v.object({ platform: v.picklist(PLATFORMS) });
const Passphrase = v.pipe(v.string(), v.maxLength(1024));
const Email = v.pipe(v.string(), v.trim(), v.email(), v.maxLength(254));
const Password = v.pipe(v.string(), v.minLength(1), v.maxLength(256));
const text = (max = 128) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const required = (max = 128) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const date = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const country = v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z]{2}$/));
const Filter = {
  platform: v.optional(v.picklist(PLATFORMS)),
  token: v.optional(v.pipe(v.string(), v.maxLength(64))),
  query: v.optional(v.pipe(v.string(), v.maxLength(200))),
};
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Download = typeOnly<{ fileName: string; content: string }>();

/**
 * A message only extension pages (popup, options) may send: they act for the user. Content
 * scripts' messages are written out with `access: 'content'`.
 */
function pageOnly<S extends v.GenericSchema, Res>(
  req: S,
  res: Res,
): { req: S; res: Res; access: 'privileged' } {
  return { req, res, access: 'privileged' };
}

export const MESSAGES = {
  ping: { req: Empty, res: typeOnly<PingResult>(), access: 'content' },
  'settings/get': pageOnly(Empty, typeOnly<Settings>()),
  'settings/update': {
    ...pageOnly(SettingsPatchSchema, typeOnly<Settings>()),
    // An http: address is refused as insecure transport, in words the options page shows.
    refuse(issues) {
      const insecure = issues.find((i) => i.message === INSECURE_URL);
      if (!insecure) return undefined;
      const url = String(insecure.input).slice(0, 200);
      return errors.insecure_transport({
        en: `${url} is plain http:, which is not encrypted: use an https: address (http: is accepted only for this computer — localhost, 127.0.0.1)`,
        zh: `${url} 是未加密的 http: 地址：请使用 https: 地址（只有本机地址 localhost、127.0.0.1 可以用 http:）`,
      });
    },
  },
  /** A content script's report of the page it runs in (checked against the sender's URL). */
  'returns/report': {
    req: v.object({ url: v.pipe(v.string(), v.maxLength(8192)) }),
    res: typeOnly<ReturnVerdict>(),
    access: 'content',
  },
  'returns/list': pageOnly(Empty, typeOnly<ReturnRecord[]>()),
  /**
   * Open CoinDock's options page at a section (the banner's and the popup's buttons): an options
   * tab already open is focused and moved to the section rather than a second one opened. It
   * touches no storage, so it answers while start-up is still running.
   */
  'ui/open': {
    req: v.optional(v.object({ section: v.optional(v.picklist(OPTIONS_SECTIONS)) }), {}),
    res: typeOnly<void>(),
    access: 'content',
    beforeReady: true,
  },
  /** An encrypted file of settings and secrets, under a passphrase chosen for it. */
  'settings/export': pageOnly(v.object({ passphrase: v.string() }), Download),
  'settings/import': pageOnly(
    v.object({ passphrase: v.string(), content: v.string() }),
    typeOnly<Settings>(),
  ),
  'credentials/get': pageOnly(PlatformReq, typeOnly<CredentialsView>()),
  /** Save a platform's credentials: public fields to settings, secret ones to the vault. An
   * empty secret keeps the stored one. Each field is checked against the platform's description
   * by the handler. */
  'credentials/save': pageOnly(
    v.object({
      ...PlatformReq.entries,
      values: v.record(v.string(), v.pipe(v.string(), v.maxLength(8192))),
    }),
    typeOnly<CredentialsView>(),
  ),
  /** One real (signed where the platform signs) call with the stored keys, reported in words. */
  'credentials/test': pageOnly(
    PlatformReq,
    typeOnly<{ ok: boolean; message: { en: string; zh: string }; code?: string }>(),
  ),
  'accounts/list': pageOnly(Empty, typeOnly<AccountsView>()),
  /** Connect: a browser-tab flow for FOMO, HiCoin and BiYong; a signed call for GOW. */
  'accounts/connect': pageOnly(PlatformReq, typeOnly<AccountsView>()),
  'accounts/disconnect': pageOnly(PlatformReq, typeOnly<AccountsView>()),
  'accounts/dismiss-flow': pageOnly(v.object({ id: v.string() }), typeOnly<AccountsView>()),
  /** Fetch the account's profile again with its token (refreshing the token if needed). */
  'accounts/profile': pageOnly(PlatformReq, typeOnly<Account>()),
  /** Open GOW's KYC page for the configured account in a tab. */
  'accounts/kyc-page': pageOnly(Empty, typeOnly<void>()),
  /** Grand Chain: step 1 of registration; Grand Chain emails a code. */
  'grandchain/register': pageOnly(
    v.object({
      email: Email,
      password: Password,
      nickName: required(64),
    }),
    typeOnly<void>(),
  ),
  'grandchain/resend': pageOnly(v.object({ email: Email }), typeOnly<void>()),
  /** Step 2: the emailed code; signs the new user in. */
  'grandchain/verify': pageOnly(
    v.object({
      email: Email,
      code: v.pipe(v.string(), v.trim(), v.regex(/^\d{1,12}$/)),
      nickName: v.optional(v.string()),
    }),
    typeOnly<AccountsView>(),
  ),
  'grandchain/login': pageOnly(
    v.object({ email: Email, password: Password }),
    typeOnly<AccountsView>(),
  ),
  'grandchain/face-token': pageOnly(v.object({ faceToken: v.string() }), typeOnly<AccountsView>()),
  /** Transfers CoinDock started, newest first. */
  'transfers/list': pageOnly(Empty, typeOnly<Transfer[]>()),
  /** FOMO recharge (1) or withdraw (2) through the signed pay page, opened in a tab. */
  'transfers/fomo-pay': pageOnly(
    v.object({
      direction: v.picklist([1, 2] as const),
      amount: v.pipe(v.string(), v.trim(), v.maxLength(40)),
      coinId: v.pipe(v.string(), v.trim(), v.maxLength(10)),
    }),
    typeOnly<Transfer>(),
  ),
  /** The popup showed the finished transfers: clear the badge. */
  'transfers/seen': pageOnly(Empty, typeOnly<void>()),
  /** Grand Chain: send yuan (sent in fen) to a user by email or user id. */
  'transfers/grandchain-send': pageOnly(
    v.object({ to: required(254), amountYuan: required(24) }),
    typeOnly<Transfer>(),
  ),
  /** GOW deposit (buy with fiat): returns the order with where to pay and the note code. */
  'transfers/gow-deposit': pageOnly(
    v.object({
      legalAmount: required(24),
      countryCode: country,
      firstName: required(),
      middleName: text(),
      lastName: required(),
      birthDate: date,
    }),
    typeOnly<Transfer>(),
  ),
  /** GOW withdrawal (sell for fiat) to the user's bank. The popup's form sends its fields as
   * strings; each is checked here. */
  'transfers/gow-withdraw': pageOnly(
    v.pipe(
      v.record(v.string(), v.string()),
      v.object({
        currencyAmount: required(24),
        receiveAccount: required(64),
        receiveName: required(),
        receiveFirstName: required(),
        receiveMiddleName: v.optional(text(), ''),
        receiveLastName: required(),
        receiveBirthDate: date,
        receiveCountry: country,
        receiveProvince: v.optional(text()),
        receiveCity: v.optional(text()),
        receiveAddr: required(256),
        receiveBankName: required(),
        receiveBankAddress: required(256),
        bankCountryCode: country,
        bankProvince: required(),
        bankCity: required(),
        branchName: required(),
        bankSwiftCode: v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9]{8,11}$/)),
      }),
    ),
    typeOnly<Transfer>(),
  ),
  /** Query pending orders and settle interrupted sends now (the popup opened). */
  'transfers/refresh': pageOnly(Empty, typeOnly<Transfer[]>()),
  'vault/status': pageOnly(Empty, typeOnly<VaultStatus>()),
  'vault/create': pageOnly(v.object({ passphrase: Passphrase }), typeOnly<VaultStatus>()),
  'vault/unlock': pageOnly(v.object({ passphrase: Passphrase }), typeOnly<VaultStatus>()),
  'vault/lock': pageOnly(Empty, typeOnly<VaultStatus>()),
  'vault/change-passphrase': pageOnly(
    v.object({ oldPassphrase: Passphrase, newPassphrase: Passphrase }),
    typeOnly<VaultStatus>(),
  ),
  'vault/set-auto-lock': pageOnly(
    v.object({ minutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1440)) }),
    typeOnly<VaultStatus>(),
  ),
  /** Forgot the passphrase: erase the vault (keys, tokens) but keep settings, to start again. */
  'vault/reset': pageOnly(Empty, typeOnly<VaultStatus>()),
  /** Erase every stored thing: vault, settings, caches, flows. */
  'vault/forget-everything': pageOnly(Empty, typeOnly<VaultStatus>()),
  // Activity
  /** A window of the merged activity list (newest first), filtered; from storage only. */
  'activity/page': pageOnly(
    v.object({
      ...Filter,
      offset: Count,
      limit: v.pipe(Count, v.minValue(1), v.maxValue(ACTIVITY_PAGE_MAX)),
    }),
    typeOnly<ActivityPage>(),
  ),
  /** What is stored and how fresh each source is, tokens for the filter, unread transfers. */
  'activity/status': pageOnly(Empty, typeOnly<ActivityOverview>()),
  /** Sync the sources (skipping those synced in the last minute unless `force`). */
  'activity/sync': pageOnly(
    v.optional(v.object({ force: v.optional(v.boolean()) }), {}),
    typeOnly<ActivityOverview>(),
  ),
  /** The filtered list as a CSV file (RFC 4180). */
  'activity/csv': pageOnly(v.object(Filter), Download),
  /** Grand Chain: receive an unread incoming transfer with the stored face token. */
  'activity/receive': pageOnly(
    v.object({ orderId: v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/)) }),
    typeOnly<ActivityOverview>(),
  ),
  /** BiYong per-token net flow from the stored ledger (a sum of changes, not a balance). */
  'activity/net-flow': pageOnly(Empty, typeOnly<NetFlowView>()),
  /** BiYong's most active tokens over time (cumulative net flow per bucket), from storage. */
  'activity/ledger-chart': pageOnly(Empty, typeOnly<LedgerChartView>()),
  /** Grand Chain's balance after each change of its history, from storage. */
  'activity/balance-history': pageOnly(Empty, typeOnly<BalanceHistoryView>()),
} satisfies MessageDefs;
