/**
 * The five simulators, one per platform, in the order of contract.ts PREFIX. The server creates
 * them once per sandbox so two sandboxes in one process never share state.
 */
import type { PlatformId, PlatformSim } from '../types';
import { createBiyongSim } from './biyong';
import { createFomoSim } from './fomo';
import { createGowSim } from './gow';
import { createGrandchainSim } from './grandchain';
import { createHicoinSim } from './hicoin';

export function createSimulators(): Record<PlatformId, PlatformSim> {
  return {
    fomo: createFomoSim(),
    gow: createGowSim(),
    biyong: createBiyongSim(),
    grandchain: createGrandchainSim(),
    hicoin: createHicoinSim(),
  };
}
