/**
 * The sandbox's public contract: where each platform lives and the seeded demo accounts.
 *
 * Imported by the sandbox itself, by the integration tests (integration/), the real-browser tests
 * (e2e/) and `npm start` — never by the extension (src/), which learns these values the way a user
 * would, through its settings. Everything here is demo data for a local simulator: none of it is
 * a real credential.
 */

export const DEFAULT_PORT = 8787;
export const HOST = '127.0.0.1';

/** Path prefixes of each platform on the sandbox origin; base URLs are origin + prefix. */
export const PREFIX = {
  fomo: '/fomo/',
  gow: '/gow',
  biyong: '/biyong',
  grandchain: '/grandchain/',
  hicoin: '/hicoin/api',
} as const;

/** Base URLs the providers' "sandbox" environment uses, for a sandbox on `origin`. */
export function baseUrls(origin: string) {
  return {
    fomo: origin + PREFIX.fomo,
    gow: origin + PREFIX.gow,
    biyong: origin + PREFIX.biyong,
    grandchain: origin + PREFIX.grandchain,
    hicoin: origin + PREFIX.hicoin,
  };
}

/**
 * Merchant pages the sandbox serves as the user's own return / redirect URLs (what a merchant's
 * website would be). The content script runs on these.
 */
export const MERCHANT_PATHS = {
  fomoReturn: '/merchant/fomo/return',
  fomoFront: '/merchant/fomo/front',
  fomoCallback: '/merchant/fomo/callback',
  hicoinReturn: '/merchant/hicoin/return',
  biyongReturn: '/merchant/biyong/return',
} as const;

/** The control API (JSON over POST unless noted). */
export const CONTROL = {
  /** Drop all state and reseed the demo data. */
  reset: '/__control/reset',
  /** Seed: { biyongLedgerSize?: number, fomoRedirectUris?: string[], hicoinRedirectUris?: string[] } */
  seed: '/__control/seed',
  /** Add a fault: { platform, endpoint? (path relative to the prefix, or '*'), kind, ... , times? } */
  faults: '/__control/faults',
  /** GET: counters per platform and endpoint, e.g. token refresh requests. */
  stats: '/__control/stats',
  /** GET: state a test inspects (merchant callbacks received, orders, pay records). */
  state: '/__control/state',
  /** Advance the simulated clock of timers (FOMO callback retry schedule): { ms } */
  advance: '/__control/advance',
  /** GET: health, returns { ok: true, platforms: [...] } */
  health: '/__control/health',
} as const;

/**
 * What the sandbox serves to CoinDock's pages (GET, CORS open, never cached): the demo
 * credentials of every platform for this sandbox's origin (demo-keys.ts), which the options page's
 * "Fill in sandbox demo keys" fills in.
 */
export const DEMO_API = {
  credentials: '/__demo/credentials',
} as const;

export const DEMO = {
  fomo: {
    clientId: 'fomo_demo_app',
    clientSecret: 'fomo-demo-secret-7f3a9c',
    user: { userId: '10001', nickname: 'Alice Chen', username: 'alice' },
    /** coin ids the demo knows; balances per coin in the user's FOMO wallet (decimal strings). */
    coins: { '1': 'BTC', '2': 'ETH', '3': 'USDT' } as Record<string, string>,
    balances: { '1': '0.52000000', '2': '3.10000000', '3': '1250.00' } as Record<string, string>,
  },
  gow: {
    apiKey: '4565B83DEMO0000000000F123',
    secretKey: 'gow-demo-secret-2b8e61d4',
    source: 'binance',
    /** account → cardStatus (0 awaiting submission, 1 approved, 2 rejected, 3 under review, 4 not verified) */
    accounts: {
      'alice@example.com': 1,
      'bob@example.com': 3,
      'carol@example.com': 4,
      'dave@example.com': 2,
      'erin@example.com': 0,
    } as Record<string, number>,
  },
  biyong: {
    appId: 'biyong_demo_app',
    /** The merchant's demo key pair (PKCS#8 / X.509 SPKI, DER, base64), registered with the sandbox. */
    merchantPrivateKey:
      'MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDdG5lQSxCiQ3028tA8Br+bWo9G+gdA2A/sTrQN+AlOs+RHHMWiTt+5XUQGQjdxwAvE5n3yMHI38Sx2DqMGQE9+OeJi9kNEIAU5AXLuDl5f3X8JAHPWK7xcDy+kvLvPAMP7lDMEhl3Ep4TwHTpQwoJzVz67jLprxReXHWBvSKNlVEA56TmQABJVFomaFfc6NrM2/6nlBnSgmRrV8OIO/gYhYR/5tDtqLL56fc1Br3b8h7sCDVMKNg8fNYUjdZSMTg17Q5XoEww/qpzBHxE8gpQ6aSRI9eCUiFQCNr9AakNKQJWxW7q4oW4fhRw0I8NsfC6viGJg4l1kqvUyTxxeusNxAgMBAAECggEASRWqzxoI1QHG3UdUYkr+wZyk+FqD1EC2vq7jICzo8q1OmtzdTMGSfMRhzEnN5tkKatqfLdMqpegfgKRk6ZePTxNWC80HvfhxkX6znRF9y2U87N5L67KIL8vLPUIvOASyQzGgzXGWg/61V+LpWDF7CiH/9+FT63R50DbjHdWeQMsDUZVbuNsvEWc7zm5Kb6foTrto/cdRWTUZ1DiosK72VvDQhFg+ZVQsIc/SDqFP3CPkfLMuvV0bTBrXTw8LFAwdEf/9ImS1gFwIK3DGarwihn9Z0Au3n4bzeD1MWlNExMbDkwuzDPlAuxrAtmLCYcHULcdhq7XSjG1DCsMER/pf0wKBgQD+KCBC+aRhJZL+SOuFz6agUIAUcoJ5HA8rSDE5xU+5qSZnMg740G0J+4SnVhuQyLIjKcjtiyptowvJZepU1AVx/Wr74nMnDE0FB/geCQxkO4eMwPHxAQgkfgkgjry85DHXLMKkuHEkMKhpXdaq4OsOSilrEEiAzn/Xj0MexW4MawKBgQDeth0ExBf3TfzuxcN4sM8M8VCbH5xtAiAq08e93+e1Z9qsnhv7wLwHvWB+vgi2ArkccBSo5dHLFKaI5WgaALMwf8QJjvQacDnkJHgM5HpNiETTuEjECv58oteD7ndnqRA2G+byCBpVyC1cttxRGrMrBlIh+DeDFqn/FQJ9HIVmkwKBgQCM2+xVckp6VPrM19lAxj9RJox1yKkrOjPmBxLRM9vlyCuykfneSJXGLJHutDh+29xuxJ/Jl5GiRfUoX8Wp0gBaltsOUwkDITwmh64p51Xoz11m0yDEM5AxuXCRjMpp3gcJfJM7+8UpC5arHwj0l8dumgeugM3OJaSQ8aN/kGhXlQKBgErX2JipbYRmaQG05CPDB1HKJtR6ow7fEABUe2OLw0prREmOOMk50/al5a+yHStNbvfnkonP8djVb8HBlmJmqdE6np63s8DOxiWtO8rZXWCA0uBzpcB8EVnBP7vOf8IORqxoZAwiPPdm9heaPB/lYSCsVx2jVMRw8WAPp250D0CRAoGBAL+FGO2PCmwTZfU5uGfK26JcsSGogEG7UEI4cnJXc5r4F5RE9YoYQZ+fJSLMA9p7GAJdJdLEYAMGE/ZxoRLM0jGR+3Sz7UVcYtAgzp3trnpM5d+QKeVXWunofBWNQP1Js2wcImYznZbxOGwEue5JY4+7gR5NfPYaaronXzjkUevo',
    merchantPublicKey:
      'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3RuZUEsQokN9NvLQPAa/m1qPRvoHQNgP7E60DfgJTrPkRxzFok7fuV1EBkI3ccALxOZ98jByN/Esdg6jBkBPfjniYvZDRCAFOQFy7g5eX91/CQBz1iu8XA8vpLy7zwDD+5QzBIZdxKeE8B06UMKCc1c+u4y6a8UXlx1gb0ijZVRAOek5kAASVRaJmhX3OjazNv+p5QZ0oJka1fDiDv4GIWEf+bQ7aiy+en3NQa92/Ie7Ag1TCjYPHzWFI3WUjE4Ne0OV6BMMP6qcwR8RPIKUOmkkSPXglIhUAja/QGpDSkCVsVu6uKFuH4UcNCPDbHwur4hiYOJdZKr1Mk8cXrrDcQIDAQAB',
    /** BiYong's own key pair: the sandbox signs responses with it; the extension verifies with the public one. */
    platformPrivateKey:
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDH4KEVXXhHtD/s7+Hxp4Dix4EW7sLYorlqXIz9x32cdnHLLdpeHcbpy5OFcvFNl9R2nNKNrNayiw8jPaVLtlQ8EyEqk1a6R3OP1TyGcFg2mj8V7AAQ5Fkp/XHgeax6skpGipLNWNj0FI+zEhPkj3mq1eAcH/PQxvfIQGSShcb+klbQUzeLEkxKRpNf0xN81mZFqxwMhGVmQ10ppm75irWf77+eVCQvHLdCoBtG4CfJpCO5pGQNTFsHGG7hdmo+NMr35pfdGFzU9VXdLBqV4VoOYm4CYoDCl585sNJ4DcCPb9/HfY4fUa7UX6SwoznTrXr5ySYBGGS8QXQtjeL5ct9LAgMBAAECggEAEyLf+T4uLltFBYe/75V0YwHry4jHcds+ej7rJr7rOUgjw+qbbghWy3p4oL2s+ZtQNZz1EahbE9P5eovD4BhQP0IrmjpqAsKlfz9QoKRv5aZl5NDn/rYGDV2dAftUNpkMQG2y+WMIvnGbgm74JZlQ8jiw0LCEdNgfz/XOSzLwpt2reV9QProZ9nKedrurv2dQ0Bsf68b+9pxjKSQF6KwaB1knG4JOJ4hTJ7wfLMIcVEqAt4pUvadOGJqumj3IsPMZWaNEcRH4q/sPOXcLwljW/rfwjnlZD0Khpg7SDZaqbVumOMfmBcC92IiRvJcx9YpYTcadre5AmdHaNcQjmUjmeQKBgQDwqZ7RvAjWLFP4Vs4Hfy0twq8Us6mQyN3Wl7U7HvbjzYLDTgb0BcN63dUW+tk6YiUwPRalCzT6vI57Nqmq2nF3T18yivUAkR5Fk2vwNz6Av5NNge17NWs+Lm0fzWRCGcbRSuqqm6XfI50IB9lUOgQyFLkkzwdue/YUbtVez0+KGQKBgQDUnZrPrunFvH5PAqY/qT478SroKNDtO7ox8xmc7SlSwJF7qhsj4ycla7z3AEUk1c5EIEhK/mrdABFBvcGM/fmzd7TyIOVgD7VlK+9nIBXpVwM3qMq4iXPnwhIE8ZWFjs98q4edk6ykxymz43EIRUtzcb6RzzsbasTqir9lhuBpAwKBgFmELjADSiIoAN/Zoe8F7g8cYDVKEqNpI6LjcSTZgqn/UklFJ67yyeBUzSMsEUr3ILANuPOQ9JbjNfg8v+VuNVBUtKs/JpycXe8xQ6/pTJVlLOxijKwMlaRebnaq1kUEA4Dr5dep54vVWl6XVM5QeikKrkczvqbo8wJsq28Fm6dZAoGAe6wlRdLfhjZrXjgTTgp6+dEBfUNoq+XHG5DlgCNvmwQKW92JpelWduzhYOeWUKPRNE1237B3po+Iei4PbJy650qlRQYfhi38/Jl+ywSd2jnT1Edpi8fgVJnNc3S23ZZBWKpJ2z3v+XUj69BLil0MU12BVT0ui3cija8hP8QhutMCgYEA53VSowFx/ZGjKlTw03s9b1+iwvum0RRy+egVMQzZfb+jamTkw6j4v5C5mC7bC+EsDB1PuXRCisxzjlCdkNKO083vSSP/v+BTp06ABOIgDllNFPmeDoTd9XIXhsoh6bEx+X4LrJue/isGg4MZVkh1WK3P4OikyUEPEgCVuTvHGWg=',
    platformPublicKey:
      'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAx+ChFV14R7Q/7O/h8aeA4seBFu7C2KK5alyM/cd9nHZxyy3aXh3G6cuThXLxTZfUdpzSjazWsosPIz2lS7ZUPBMhKpNWukdzj9U8hnBYNpo/FewAEORZKf1x4HmserJKRoqSzVjY9BSPsxIT5I95qtXgHB/z0Mb3yEBkkoXG/pJW0FM3ixJMSkaTX9MTfNZmRascDIRlZkNdKaZu+Yq1n++/nlQkLxy3QqAbRuAnyaQjuaRkDUxbBxhu4XZqPjTK9+aX3Rhc1PVV3SwaleFaDmJuAmKAwpefObDSeA3Aj2/fx32OH1Gu1F+ksKM50616+ckmARhkvEF0LY3i+XLfSwIDAQAB',
    hash: 'SHA256',
    user: { openId: 'by_open_alice_0001', nickname: 'alice', phone: '+8613800000001' },
  },
  grandchain: {
    users: [
      {
        userId: 1,
        email: 'alice@example.com',
        password: 'alice-pass-1',
        nickName: 'Alice',
        balanceFen: 1_250_000,
        faceToken: 'face_alice_0001',
      },
      {
        userId: 2,
        email: 'bob@example.com',
        password: 'bob-pass-2',
        nickName: 'Bob',
        balanceFen: 300_000,
        faceToken: 'face_bob_0002',
      },
    ],
    /** Registration codes are "emailed": the sandbox exposes the last one in /__control/state. */
  },
  hicoin: {
    appId: 'hicoin_demo_app',
    secret: 'hicoin-demo-secret-5c1d',
    user: {
      openid: 'hc_openid_alice_0001',
      nickname: 'Alice',
      mobile: '13800000001',
      countryCode: '86',
      email: 'alice@example.com',
    },
  },
} as const;
