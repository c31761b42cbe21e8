/** GOW simulator (docs/providers/gow.md): the implementation lives in ./gow/. */
export { createGowSim, KYC_REVIEW_MS } from './gow/sim';
export { gowContent, gowSignature, GOW_TIMESTAMP_WINDOW_MS } from './gow/auth';
export { GOW_CODE } from './gow/codes';
export { ORDER_TIMING, PRICING } from './gow/orders';
