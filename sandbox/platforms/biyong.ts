/** BiYong simulator (docs/providers/biyong.md): the implementation lives in ./biyong/. */
export { createBiyongSim, BIYONG_TIMESTAMP_WINDOW_MS, BIYTOKEN_TTL_MS } from './biyong/sim';
export { LEDGER_DEFAULT, LEDGER_MAX, LEDGER_TOKENS } from './biyong/ledger';
export { PAGE_SIZE_MAX } from './biyong/api';
export { TOKEN_INFO } from './biyong/tokens';
