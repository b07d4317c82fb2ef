import { orderLayers, type ReportLayer } from './contract.js';
import { actorsLayer } from './framing/report.js';
import { claimsLayer } from './claims/layer.js';
import { framesLayer } from './frames/layer.js';
import { intensityLayer } from './intensity/layer.js';
import { narrativesLayer } from './narratives/layer.js';
import { sourcingLayer } from './sourcing/layer.js';
import { voiceLayer } from './voice/layer.js';

export * from './contract.js';

/** The built-in report layers, in the order they run (each after the layers it needs). */
export const builtinLayers: readonly ReportLayer[] = orderLayers([framesLayer, intensityLayer, sourcingLayer, voiceLayer, actorsLayer, claimsLayer, narrativesLayer]);
