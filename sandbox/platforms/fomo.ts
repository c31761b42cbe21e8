import type { PlatformSim } from '../types';

// Placeholder so the router compiles while the simulator is being written; replaced in this issue.
export function createFomoSim(): PlatformSim {
  return { id: 'fomo', handle: () => undefined, reset: () => undefined };
}
