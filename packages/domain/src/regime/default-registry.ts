import { qianjiangRegime } from "./qianjiang-msa-2020.js";
import { RegimeRegistry } from "./registry.js";

/** The regimes `assess` knows when given no registry: Qianjiang's, the default. */
export const DEFAULT_REGISTRY = new RegimeRegistry([qianjiangRegime], qianjiangRegime.id);
