// Types shared by the HTTP layer: what routes find on the context.
import type { ViewerZoneProps } from '../../views/layout.js';

export type AppEnv = {
  Variables: {
    viewer: ViewerZoneProps;
  };
};
