/** The gateway's version, shown in `/openapi.json`. Kept in step with package.json. */
export const GATEWAY_VERSION = '0.1.0';
