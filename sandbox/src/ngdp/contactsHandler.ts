/**
 * NgDP recipient lookup: `GET /apis/v1/contacts/?cprNumber=|cvrNumber=` → ContactSearchResult
 * with registration statuses and NemSMS subscription from the fictional world.
 * @module
 */
import { checkCpr, checkCvr } from '@postbud/sdk';
import { jsonResult, type HttpResult } from '../http/HttpResult.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { Party } from '../world/World.js';
import { authenticateNgdp } from './ngdpAuth.js';
import { errorMessage } from './errorMessage.js';

const LAST_UPDATED = '2025-01-02T08:00:00Z';

export function contactJson(p: Party): Record<string, unknown> {
  const m = p.mailbox;
  const exempt = m.publicRegistrationStatus === 'EXEMPT';
  return {
    id: p.kind === 'citizen' ? `c-${p.cpr.slice(0, 6)}-${p.cpr.slice(6)}` : `v-${p.cvr}`,
    type: p.kind === 'citizen' ? 'CITIZEN' : 'COMPANY',
    ...(p.kind === 'citizen' ? { cprNumber: p.cpr } : { cvrNumber: p.cvr }),
    eligibleForVoluntaryRegistration: p.kind === 'citizen' && m.registrationStatus === 'CREATED_AWAITING_REGISTRATION',
    mailboxSubscription: {
      registrationStatus: m.registrationStatus,
      publicRegistrationStatus: m.publicRegistrationStatus,
      exemptThroughPowerOfAttorney: false,
      exemptionStart: exempt ? (m.exemptionStart ?? null) : null,
      exemptionEnd: null,
      exemptionReason: exempt ? (m.exemptionReason ?? null) : null,
      startTime: '2014-11-01T00:00:00Z',
      endTime: m.publicRegistrationStatus === 'CLOSED' ? '2024-06-30T00:00:00Z' : null,
    },
    nemSmsSubscription:
      p.kind === 'citizen' && p.nemSmsMobile
        ? { mobileNumber: p.nemSmsMobile, verificationTime: '2022-05-01T10:00:00Z', confirmedDateTime: '2022-05-01T10:05:00Z' }
        : null,
    address: { street: p.address.street, houseNumber: p.address.houseNumber, floor: p.address.floor ?? null, door: p.address.door ?? null, zipCode: p.address.zipCode, city: p.address.city, country: 'DK' },
    lastUpdated: LAST_UPDATED,
  };
}

export function contactsHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    authenticateNgdp(ctx, rc);
    const cpr = rc.url.searchParams.get('cprNumber');
    const cvr = rc.url.searchParams.get('cvrNumber');
    if ((cpr === null) === (cvr === null)) return errorMessage(400, 'contact.search.invalid', 'Give exactly one of cprNumber and cvrNumber.');
    if (cpr !== null && (!/^\d{10}$/.test(cpr) || !checkCpr(cpr).ok)) {
      return errorMessage(400, 'contact.search.invalid', 'cprNumber must be 10 digits forming a valid CPR number.', {
        fieldErrors: [{ resource: 'contacts', field: 'cprNumber', code: 'invalid', message: 'Not a valid CPR number.', rejectedValue: null }],
      });
    }
    if (cvr !== null && (!/^\d{8}$/.test(cvr) || !checkCvr(cvr).ok)) {
      return errorMessage(400, 'contact.search.invalid', 'cvrNumber must be a valid 8-digit CVR number.', {
        fieldErrors: [{ resource: 'contacts', field: 'cvrNumber', code: 'invalid', message: 'Not a valid CVR number.', rejectedValue: cvr }],
      });
    }
    const party = ctx.world.party((cpr ?? cvr)!);
    const contacts = party ? [contactJson(party)] : [];
    return jsonResult(200, { contacts, currentPage: 0, totalPages: 1, elementsOnPage: contacts.length, totalElements: contacts.length, next: null });
  };
}
