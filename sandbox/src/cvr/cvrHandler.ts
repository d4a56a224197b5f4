/**
 * Company directory like the CVR register (sandbox-only JSON): `GET /cvr/v1/companies?q=` by
 * name or CVR number and `GET /cvr/v1/companies/{cvr}`, each with its production units.
 * @module
 */
import { jsonResult, type HttpResult } from '../http/HttpResult.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { Authority, Company, PostalAddress } from '../world/worldTypes.js';

function address(a: PostalAddress): Record<string, string | null> {
  return { street: a.street, houseNumber: a.houseNumber, floor: a.floor ?? null, door: a.door ?? null, zipCode: a.zipCode, city: a.city, text: `${a.street} ${a.houseNumber}${a.floor ? `, ${a.floor}.${a.door ? ` ${a.door}` : ''}` : ''}, ${a.zipCode} ${a.city}` };
}

export function companyJson(c: Company | Authority): Record<string, unknown> {
  return {
    cvr: c.cvr,
    name: c.name,
    companyForm: c.kind === 'company' ? c.companyForm : 'Offentlig myndighed',
    address: address(c.address),
    digitalPost: c.kind === 'company' ? c.mailbox.publicRegistrationStatus : 'REGISTERED',
    productionUnits: c.kind === 'company' ? c.productionUnits.map((p) => ({ pNumber: p.pNumber, name: p.name, address: address(p.address) })) : [],
  };
}

export function searchCompaniesHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const q = (rc.url.searchParams.get('q') ?? '').trim().toLowerCase();
    const digits = q.replace(/\D/g, '');
    const hits = ctx.world
      .allCompaniesAndAuthorities()
      .filter((c) => q === '' || c.name.toLowerCase().includes(q) || (digits.length >= 2 && c.cvr.startsWith(digits)) ||
        (c.kind === 'company' && digits.length >= 4 && c.productionUnits.some((p) => p.pNumber.startsWith(digits))));
    return jsonResult(200, { companies: hits.map(companyJson), total: hits.length });
  };
}

export function getCompanyHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const cvr = rc.params['cvr'] ?? '';
    const c = ctx.world.company(cvr) ?? ctx.world.authority(cvr);
    if (!c) return jsonResult(404, { code: 'company.not.found', message: `No company with CVR ${cvr.slice(0, 12)} in the sandbox register.` });
    return jsonResult(200, companyJson(c));
  };
}
