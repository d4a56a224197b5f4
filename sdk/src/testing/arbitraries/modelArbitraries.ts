/**
 * Arbitraries for model fragments that LetterInput takes as they are (AttentionData, Address,
 * ReplyData).
 * @module
 */
import fc from 'fast-check';
import type { Address, AttentionData, ReplyData } from '../../memo/model.js';
import { memoText } from './textArbitraries.js';

const t = memoText();

export function addressArbitrary(): fc.Arbitrary<Address> {
  const point = fc.record({ geographicEastingMeasure: memoText(20), geographicNorthingMeasure: memoText(20), geographicHeightMeasure: memoText(20) }, { requiredKeys: [] });
  return fc.record(
    { id: fc.uuid({ version: 4 }), addressLabel: t, houseNumber: memoText(5), door: memoText(5), floor: memoText(3), co: t, zipCode: fc.stringMatching(/^\d{4}$/), city: t, country: fc.constantFrom('DK', 'Danmark'), AddressPoint: point },
    { requiredKeys: [] },
  );
}

export function attentionDataArbitrary(): fc.Arbitrary<AttentionData> {
  const withOptional = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }, required: (keyof T)[]) => fc.record(model, { requiredKeys: required });
  return fc
    .record(
      {
        AttentionPerson: withOptional<{ personID: string; label: string }>({ personID: memoText(20), label: t }, []),
        ProductionUnit: withOptional<{ productionUnitNumber: string; productionUnitName: string }>({ productionUnitNumber: fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }).map(String), productionUnitName: t }, ['productionUnitNumber']),
        GlobalLocationNumber: withOptional<{ globalLocationNumber: string; location: string }>({ globalLocationNumber: fc.stringMatching(/^[1-9]\d{12}$/), location: t }, ['globalLocationNumber']),
        EMail: withOptional<{ emailAddress: string; relatedAgent: string }>({ emailAddress: fc.constantFrom('post@kommune.example.dk', 'jens@example.dk'), relatedAgent: t }, ['emailAddress']),
        SEnumber: withOptional<{ seNumber: string; companyName: string }>({ seNumber: fc.stringMatching(/^\d{8}$/), companyName: t }, ['seNumber']),
        Telephone: withOptional<{ telephoneNumber: string; relatedAgent: string }>({ telephoneNumber: fc.stringMatching(/^\+45 \d{8}$/), relatedAgent: t }, ['telephoneNumber']),
        EID: withOptional<{ eID: string; label: string }>({ eID: memoText(40), label: t }, ['eID']),
        ContentResponsible: withOptional<{ contentResponsibleID: string; label: string }>({ contentResponsibleID: memoText(20), label: t }, []),
        GeneratingSystem: withOptional<{ generatingSystemID: string; label: string }>({ generatingSystemID: memoText(20), label: t }, ['generatingSystemID']),
        SORdata: withOptional<{ sorIdentifier: string; entryName: string }>({ sorIdentifier: fc.stringMatching(/^\d{15}$/), entryName: t }, ['sorIdentifier']),
        Address: addressArbitrary(),
        UnstructuredAddress: fc.record({ unstructured: t }),
      },
      { requiredKeys: [] },
    )
    .map((a) => (a.Address !== undefined && a.UnstructuredAddress !== undefined ? { ...a, UnstructuredAddress: undefined } : a))
    .map(dropUndefined);
}

export function replyDataArbitrary(): fc.Arbitrary<ReplyData> {
  const uuid = fc.uuid({ version: 4 });
  return fc.record(
    {
      messageID: memoText(40),
      messageUUID: uuid,
      replyUUID: uuid,
      senderID: fc.constantFrom('13748136', '0101901234'),
      recipientID: fc.constantFrom('24256790', '1502851234'),
      caseID: memoText(40),
      contactPointID: uuid,
      generatingSystemID: memoText(20),
      comment: memoText(512),
      AdditionalReplyData: fc.array(fc.record({ label: t, value: t }), { maxLength: 4 }),
    },
    { requiredKeys: ['messageUUID'] },
  );
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
