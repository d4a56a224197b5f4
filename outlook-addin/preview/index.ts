/**
 * `@postbud/outlook-addin/preview`: the add-in preview page for `npm start` (a simulated
 * Outlook compose window hosting the real built task pane).
 * @module
 */
export { startAddinPreview } from './startAddinPreview.js';
export type { AddinPreviewOptions, RunningAddinPreview } from './startAddinPreview.js';
