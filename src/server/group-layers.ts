/** The layer comparison lives in src/compare/layers.ts (shared by the CLI and the API). */
export { compareLayers, LayerAccumulator, type GroupLayers, type LayerComparison } from '../compare/layers.js';
