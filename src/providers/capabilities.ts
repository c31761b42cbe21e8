/**
 * Every platform's capabilities, by id: what the popup, the options page and the content script
 * decide the UI from. The same objects as each description's `capabilities`
 * (src/providers/descriptions.ts), imported apart so a page's first paint carries none of the
 * descriptions' tables (the popup's budget: bench/popup-size.ts).
 */
import type { Platform } from '../core/platform';
import type { PlatformCapabilities } from './types';
import { fomoCapabilities } from './fomo/capabilities';
import { gowCapabilities } from './gow/capabilities';
import { biyongCapabilities } from './biyong/capabilities';
import { grandchainCapabilities } from './grandchain/capabilities';
import { hicoinCapabilities } from './hicoin/capabilities';

export const CAPABILITIES: Readonly<Record<Platform, PlatformCapabilities>> = {
  fomo: fomoCapabilities,
  gow: gowCapabilities,
  biyong: biyongCapabilities,
  grandchain: grandchainCapabilities,
  hicoin: hicoinCapabilities,
};
