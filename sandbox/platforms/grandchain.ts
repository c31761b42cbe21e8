/** Grand Chain simulator (seed 003): the implementation lives in ./grandchain/. */
export { createGrandchainSim } from './grandchain/sim';
export { chinaTime } from './grandchain/state';
