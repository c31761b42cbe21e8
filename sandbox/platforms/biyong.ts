import type { PlatformSim } from '../types';

// Placeholder so the router compiles while the simulator is being written; replaced in this issue.
export function createBiyongSim(): PlatformSim {
  return { id: 'biyong', handle: () => undefined, reset: () => undefined };
}
