/**
 * Entity ids (SAML AppliesTo) of the services the sandbox offers, as on the real platform.
 * @module
 */
export const ENTITY_IDS = {
  kombiPostAfsend: 'http://entityid.kombit.dk/service/kombipostafsend/1',
  postForespoerg: 'http://entityid.kombit.dk/service/postforespoerg/1',
  beskedfordeler: 'http://entityid.kombit.dk/service/bfo_modtag/2',
} as const;

export const KNOWN_ENTITY_IDS: readonly string[] = Object.values(ENTITY_IDS);
