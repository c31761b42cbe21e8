/**
 * Grand Chain payments (both API revisions, docs/providers/grandchain.md): the public API of the
 * provider.
 */
export { grandchainDescription } from './description';
export {
  createGrandchainClient,
  type GrandchainClient,
  type GrandchainClientOptions,
  type GrandchainFriend,
  type GrandchainSession,
  type ReceiveInput,
  type TransferInput,
  type TransferResult,
} from './client';
export type { GrandchainParty, GrandchainTrade, GrandchainUnread } from './records';
export {
  buildGrandchainRequest,
  isSlashRedirect,
  processGrandchainResponse,
  type GrandchainBody,
  type GrandchainPrepared,
  type GrandchainResult,
} from './requests';
export {
  BODY_KEYS,
  ENDPOINTS,
  pathFor,
  type GrandchainEndpoint,
  type GrandchainRevision,
  type RevisionOption,
} from './revisions';
export { errorEntry, COMMON_CODES, ENDPOINT_CODES } from './error-table';
