// Fills the manifest template's placeholders. Shared by webpack and the manifest tests.
const GUARD = /[ \t]*<!--CPR_GUARD_START-->[\s\S]*?<!--CPR_GUARD_END-->\n?/g;
const MARKERS = /[ \t]*<!--CPR_GUARD_(START|END)-->\n?/g;

/**
 * @param {string} template manifest/manifest.xml
 * @param {{ baseUrl: string, cprGuard?: boolean }} options baseUrl is https and ends with '/';
 *   cprGuard keeps the Smart Alerts (OnMessageSend) parts, for admin deployment only.
 * @returns {string}
 */
export function renderManifest(template, options) {
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(options.baseUrl)) {
    throw new Error(`The add-in base URL must be an https URL ending in "/", got ${options.baseUrl}`);
  }
  const parts = options.cprGuard ? template.replace(MARKERS, '') : template.replace(GUARD, '');
  return parts.replaceAll('{{BASE_URL}}', options.baseUrl);
}
