/**
 * Grand Chain simulator (docs/providers/grandchain.md): the implementation lives in ./grandchain/.
 */
export { createGrandchainSim } from './grandchain/sim';
export { chinaTime } from './grandchain/state';
