/**
 * NgDP contact structure: the public search `GET /apis/v1/contact-points/?searchTerm=` (active
 * and visible only, as citizens see it), and an organisation's own full list
 * `GET /apis/v1/organisations/{orgId}/contact-points/` and `.../contact-groups/`.
 * @module
 */
import { jsonResult, type HttpResult } from '../http/HttpResult.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { Authority, ContactPointRecord } from '../world/worldTypes.js';
import { authenticateNgdp } from './ngdpAuth.js';
import { errorMessage } from './errorMessage.js';

export function contactPointJson(a: Authority, c: ContactPointRecord): Record<string, unknown> {
  return {
    id: c.id, name: c.name, description: c.description, organisationId: a.organisationId, organisationName: a.name,
    targets: c.targets, active: c.active, visible: c.visible, systemId: c.systemId,
    memoSizeThresholdMB: c.memoSizeThresholdMB, allowedNumberOfAttachments: c.allowedNumberOfAttachments,
    contactGroups: c.contactGroupIds,
    contactPointCodes: (c.kle ?? []).map((code) => ({ type: 'KLE', code, codeVersion: 'KLE 2024', name: null })),
  };
}

export function searchContactPointsHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    authenticateNgdp(ctx, rc);
    const term = (rc.url.searchParams.get('searchTerm') ?? rc.url.searchParams.get('searchTermOrName') ?? '').toLowerCase();
    const content = ctx.world.data.authorities.flatMap((a) =>
      a.contactPoints
        .filter((c) => c.active && c.visible)
        .filter((c) => term === '' || `${a.name} ${c.name} ${c.description}`.toLowerCase().includes(term))
        .map((c) => contactPointJson(a, c)),
    );
    return jsonResult(200, { content, totalElements: content.length });
  };
}

function ownOrganisation(ctx: SandboxContext, rc: RequestContext): Authority | HttpResult {
  const caller = authenticateNgdp(ctx, rc);
  if (caller.authority.organisationId !== rc.params['orgId']) {
    return errorMessage(403, 'forbidden', `This API token belongs to organisation ${caller.authority.organisationId}.`);
  }
  return caller.authority;
}

export function organisationContactPointsHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const a = ownOrganisation(ctx, rc);
    if ('status' in a) return a;
    return jsonResult(200, a.contactPoints.map((c) => contactPointJson(a, c)));
  };
}

export function organisationContactGroupsHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const a = ownOrganisation(ctx, rc);
    if ('status' in a) return a;
    return jsonResult(200, a.contactGroups.map((g) => ({ id: g.id, name: g.name, parentId: g.parentId ?? null, organisationId: a.organisationId })));
  };
}
