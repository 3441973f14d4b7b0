// The public event catalogue: JSON Schemas and an AsyncAPI document generated from the slices' event types.
export {
  generateCatalogue,
  type CatalogueEntry,
  type EventCatalogue,
  type JsonSchema,
} from './event-catalogue.js';
export { findEventSources, categoryIn, type EventSource } from './event-sources.js';
