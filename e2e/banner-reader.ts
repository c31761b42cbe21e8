/**
 * Reading CoinDock's banner, which lives in a CLOSED shadow root: Playwright's locators do not
 * enter closed roots, so the banner is read through the DevTools protocol (which the page cannot
 * use): `DOM.getDocument({ pierce: true })` for its text and structure.
 */
import { expect } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';

export interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: string;
}

export function attr(n: CdpNode, name: string): string | undefined {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

export function find(n: CdpNode | undefined, pred: (n: CdpNode) => boolean): CdpNode | undefined {
  if (!n) return undefined;
  if (pred(n)) return n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
    const hit = find(c, pred);
    if (hit) return hit;
  }
  return undefined;
}

export function text(n: CdpNode | undefined): string {
  if (!n) return '';
  if (n.nodeType === 3) return n.nodeValue;
  return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(text).join('');
}

export interface Banner {
  rootType: string | undefined;
  title: string;
  lines: string[];
  tone: string | undefined;
  lang: string | undefined;
  closeLabel: string | undefined;
  openLabel: string;
  /** For further CDP calls in the same session. */
  nodes: { box: CdpNode; open: CdpNode };
}

export async function withCdp<T>(page: Page, fn: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await fn(cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export async function readBannerWith(cdp: CDPSession): Promise<Banner | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  const host = find(root, (n) => n.nodeName === 'COINDOCK-BANNER');
  const shadow = host?.shadowRoots?.[0];
  const status = find(shadow, (n) => attr(n, 'role') === 'status');
  const box = find(shadow, (n) => attr(n, 'class') === 'box');
  const close = find(shadow, (n) => attr(n, 'class') === 'close');
  const open = find(shadow, (n) => attr(n, 'class') === 'open');
  if (!shadow || !status || !box || !close || !open) return undefined;
  const paragraphs = (status.children ?? []).filter((c) => c.nodeName === 'P').map(text);
  return {
    rootType: shadow.shadowRootType,
    title: paragraphs[0] ?? '',
    lines: paragraphs.slice(1),
    tone: attr(box, 'data-tone'),
    lang: attr(box, 'lang'),
    closeLabel: attr(close, 'aria-label'),
    openLabel: text(open),
    nodes: { box, open },
  };
}

/** The banner once its live region is filled. */
export async function banner(page: Page): Promise<Banner> {
  await page.locator('coindock-banner').waitFor({ state: 'attached' });
  let last: Banner | undefined;
  await expect
    .poll(async () => {
      last = await withCdp(page, readBannerWith);
      return last?.lines.length ?? 0;
    })
    .toBeGreaterThan(0);
  return last!;
}
