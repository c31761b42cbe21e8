import type { PlatformSim } from '../types';

// Placeholder so the router compiles while the simulator is being written; replaced in this issue.
export function createHicoinSim(): PlatformSim {
  return { id: 'hicoin', handle: () => undefined, reset: () => undefined };
}
