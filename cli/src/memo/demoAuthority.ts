/**
 * The fictional authority that `postbud memo new` and `postbud demo` send as when no sender is
 * given. Its CVR number passes modulus 11 but belongs to no one we know of; the contact point
 * UUID is made up. Override with `--sender-cvr`, `--sender-label` and `--contact-point`.
 * @module
 */
export const DEMO_AUTHORITY = Object.freeze({
  cvr: '13748136',
  label: 'Postbud Demo Kommune',
  /** A made-up NgDP contact point (v4 UUID) that would receive replies. */
  contactPointId: '8f14e45f-ceea-4e7a-9d4b-2c1a7b3e5f60',
  contactPointLabel: 'Borgerservice',
});
