/**
 * Every endpoint of the sandbox, under the same paths as the real hosts.
 * @module
 */
import { Router } from './http/Router.js';
import type { SandboxContext } from './SandboxContext.js';
import { stsHandler } from './sf1601/stsHandler.js';
import { accessTokenHandler } from './sf1601/accessTokenHandler.js';
import { kombiHandler } from './sf1601/kombiHandler.js';
import { postForespoergHandler } from './sf1601/postForespoergHandler.js';
import { sendMemoHandler } from './ngdp/memosHandler.js';
import { deleteReceiptHandler, getReceiptHandler, listReceiptsHandler } from './ngdp/receiptsHandler.js';
import { contactsHandler } from './ngdp/contactsHandler.js';
import { organisationContactGroupsHandler, organisationContactPointsHandler, searchContactPointsHandler } from './ngdp/contactPointsHandler.js';
import { deleteInboundHandler, getInboundHandler, inboundReceiptHandler, listInboundHandler } from './ngdp/inboundHandler.js';
import { eventsHandler } from './ngdp/eventsHandler.js';
import { ackMessageHandler, pullMessagesHandler } from './status/beskedfordelerHandler.js';
import { getCompanyHandler, searchCompaniesHandler } from './cvr/cvrHandler.js';
import type { DevIdentityProvider } from './idp/DevIdentityProvider.js';
import { registerIdpRoutes } from './idp/registerIdpRoutes.js';
import { registerControlRoutes } from './control/controlHandlers.js';
import { registerMailboxRoutes } from './mailbox/mailboxRoutes.js';

export function buildRouter(ctx: SandboxContext, idp: DevIdentityProvider): Router {
  const r = new Router();
  // SF1601 on Serviceplatformen
  r.add('POST', '/runtime/api/rest/wstrust/v1/issue', stsHandler(ctx), 'sts');
  r.add('POST', '/service/AccessTokenService_1/token', accessTokenHandler(ctx), 'sts');
  r.add('POST', '/service/KombiPostAfsend_1/kombi', kombiHandler(ctx), 'service');
  r.add('GET', '/service/PostForespoerg_1/:service', postForespoergHandler(ctx), 'service');
  // Beskedfordeler stand-in (pull)
  r.add('GET', '/beskedfordeler/v1/messages', pullMessagesHandler(ctx), 'service');
  r.add('DELETE', '/beskedfordeler/v1/messages/:id', ackMessageHandler(ctx), 'service');
  // NgDP direct
  const v1 = '/apis/v1';
  r.add('POST', `${v1}/memos`, sendMemoHandler(ctx), 'service');
  r.add('GET', `${v1}/memos`, listInboundHandler(ctx), 'service');
  r.add('GET', `${v1}/memos/:id`, getInboundHandler(ctx), 'service');
  r.add('POST', `${v1}/memos/:id/receipt`, inboundReceiptHandler(ctx), 'service');
  r.add('DELETE', `${v1}/memos/:id`, deleteInboundHandler(ctx), 'service');
  r.add('GET', `${v1}/receipts`, listReceiptsHandler(ctx), 'service');
  r.add('GET', `${v1}/receipts/:id`, getReceiptHandler(ctx), 'service');
  r.add('DELETE', `${v1}/receipts/:id`, deleteReceiptHandler(ctx), 'service');
  r.add('GET', `${v1}/contacts`, contactsHandler(ctx), 'service');
  r.add('GET', `${v1}/contact-points`, searchContactPointsHandler(ctx), 'service');
  r.add('GET', `${v1}/organisations/:orgId/contact-points`, organisationContactPointsHandler(ctx), 'service');
  r.add('GET', `${v1}/organisations/:orgId/contact-groups`, organisationContactGroupsHandler(ctx), 'service');
  r.add('GET', `${v1}/events`, eventsHandler(ctx), 'service');
  // Sandbox-only: company register, identity provider, control API, mailbox
  r.add('GET', '/cvr/v1/companies', searchCompaniesHandler(ctx));
  r.add('GET', '/cvr/v1/companies/:cvr', getCompanyHandler(ctx));
  registerIdpRoutes(r, idp);
  registerControlRoutes(r, ctx);
  registerMailboxRoutes(r, ctx);
  return r;
}
