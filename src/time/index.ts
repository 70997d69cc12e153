// The time module: the only place that turns wall time + zone into instants and back.
export * from './local-time.js';
export * from './format.js';
export * from './zones.js';
export * from './stored-instant.js';
export * from './day-parts.js';
export * from './zone-search.js';
