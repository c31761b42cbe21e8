/** BiYong merchant platform (docs/providers/biyong.md): the public API of the provider. */
export { biyongDescription, BIYONG_PATHS, BIYONG_MAX_PAGE_SIZE } from './description';
export {
  createBiyongClient,
  loadBiyongKeys,
  type BiyongAuthorization,
  type BiyongBalanceRecord,
  type BiyongClient,
  type BiyongCredentials,
  type BiyongPage,
  type BiyongScope,
  type BiyongTokenInfo,
  type BiyongUserInfo,
  type PagerOptions,
} from './client';
export {
  buildBiyongConsentUrl,
  parseBiyongReturn,
  BIYONG_APP_CONSENT,
  type ConsentRequest,
  type ConsentReturn,
} from './consent';
export {
  buildBiyongRequest,
  processBiyongResponse,
  type BiyongKeys,
  type BiyongParams,
  type BiyongPrepared,
} from './requests';
export {
  generateMerchantKeyPair,
  importMerchantPrivateKey,
  importPublicKey,
  isHashMode,
  HASH_MODES,
  DEFAULT_HASH_MODE,
  type BiyongHashMode,
  type BiyongKeyPair,
} from './sign';
export { MERCHANT_TOKEN, type BalanceQuery, type PageQuery } from './inputs';
export {
  decodeResponseFrame,
  decodeRequestFrame,
  encodeRaw,
  encodeSigned,
  FrameError,
} from './frame';
