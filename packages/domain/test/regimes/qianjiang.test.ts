import { DEFAULT_REGISTRY, QIANJIANG_REGIME_ID } from "../../src/index.js";
import { runSuite } from "../suite/run-suite.js";

runSuite(DEFAULT_REGISTRY, QIANJIANG_REGIME_ID);
