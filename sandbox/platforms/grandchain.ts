import type { PlatformSim } from '../types';

// Placeholder so the router compiles while the simulator is being written; replaced in this issue.
export function createGrandchainSim(): PlatformSim {
  return { id: 'grandchain', handle: () => undefined, reset: () => undefined };
}
