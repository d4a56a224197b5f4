/**
 * A MeMo message with every element set (fictional data, fixed values), for tests of the
 * writer, the parser and validation. Test support only.
 * @module
 */
import type { Address, AttentionData, MemoMessage, MemoVersion } from '../../model.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n% Postbud test\n');

const address: Address = {
  id: '0a3f50a0-73bf-32b8-e044-0003ba298018',
  addressLabel: 'Rådhuspladsen',
  houseNumber: '1',
  door: 'tv',
  floor: '2',
  co: 'c/o Ærø & Co',
  zipCode: '1550',
  city: 'København V',
  country: 'DK',
  AddressPoint: { geographicEastingMeasure: '724001.12', geographicNorthingMeasure: '6175873.55', geographicHeightMeasure: '12.0' },
};

const attention: AttentionData = {
  AttentionPerson: { personID: '0101901234', label: 'Jens Jensen' },
  ProductionUnit: { productionUnitNumber: '1003388394', productionUnitName: 'Borgerservice' },
  GlobalLocationNumber: { globalLocationNumber: '5798000012345', location: 'Hovedindgang' },
  EMail: { emailAddress: 'borgerservice@kommune.example.dk', relatedAgent: 'Sagsbehandler' },
  SEnumber: { seNumber: '13748136', companyName: 'Eksempel Kommune' },
  Telephone: { telephoneNumber: '+45 33 66 33 66', relatedAgent: 'Omstilling' },
  EID: { eID: '13748136_1234', label: 'Medarbejder' },
  ContentResponsible: { contentResponsibleID: '13748136', label: 'Børn & Unge' },
  GeneratingSystem: { generatingSystemID: 'SYS-42', label: 'Sagssystem <ESDH>' },
  SORdata: { sorIdentifier: '123456789012345', entryName: 'Tandplejen' },
  Address: address,
  UnstructuredAddress: { unstructured: 'Rådhuspladsen 1, 1550 København V' },
};

/** Every element of `version` set once (repeated elements twice). */
export function fullMemoMessage(version: MemoVersion): MemoMessage {
  const file = (name: string) => ({ encodingFormat: 'application/pdf', filename: name, language: 'da', content: { kind: 'bytes' as const, bytes: PDF } });
  return {
    memoVersion: version,
    ...(version === '1.1' ? { memoSchVersion: '1.1.0' } : {}),
    MessageHeader: {
      messageType: 'DIGITALPOST',
      messageUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114',
      messageID: 'MSG-12345',
      messageCode: 'Pladsanvisning',
      label: 'Tilbud om plads i dagtilbud & SFO',
      notification: 'Du har fået post fra Eksempel Kommune',
      additionalNotification: 'Svar senest 1. marts',
      reply: true,
      replyByDateTime: '2026-03-01T12:00:00Z',
      doNotDeliverUntilDate: '2026-01-15',
      mandatory: false,
      legalNotification: false,
      postType: 'MYNDIGHEDSPOST',
      Sender: {
        senderID: '13748136',
        idType: 'CVR',
        idTypeLabel: 'CVR-nummer',
        label: 'Eksempel Kommune',
        AttentionData: attention,
        ContactPoint: {
          contactGroup: '22.33.44.55',
          contactPointID: '241d39f6-998e-4929-b198-ccacbbf4b330',
          label: 'Pladsanvisningen',
          ContactInfo: [
            { label: 'Barnets CPR nummer', value: '0101201234' },
            { label: 'Barnets navn', value: 'Åse' },
          ],
        },
        ...(version === '1.2' ? { Representative: { representativeID: '24256790', idType: 'CVR', idTypeLabel: 'CVR-nummer', label: 'Advokatfirma' } } : {}),
      },
      Recipient: {
        recipientID: '0101901234',
        idType: 'CPR',
        idTypeLabel: 'CPR-nummer',
        label: 'Jens Jensen',
        AttentionData: attention,
        ContactPoint: { contactPointID: '7f4b5c1e-2d3a-4b6c-9d8e-1f2a3b4c5d6e' },
      },
      ContentData: {
        CPRdata: { cprNumber: '0101201234', name: 'Åse Jensen' },
        CVRdata: { cvrNumber: '13585628', companyName: 'Firma A/S' },
        MotorVehicle: { licenseNumber: 'AB12345', chassisNumber: 'WVWZZZ1JZXW000001' },
        PropertyNumber: { propertyNumber: '101-12345' },
        CaseID: { caseID: 'SAG-12345', caseSystem: 'Sagssystem 1234' },
        KLEdata: { subjectKey: '00.00.00', version: 'Maj 2018', activityFacet: 'G01', label: 'Kommunens styrelse' },
        FORMdata: { taskKey: '00.00.00.00', version: 'Opgavenøglen v2.12', activityFacet: 'A', label: 'Pladsanvisning' },
        ProductionUnit: { productionUnitNumber: '1003388394' },
        Education: { educationCode: '5166', educationName: 'Folkeskolens 0. klasse' },
        Address: address,
        UnstructuredAddress: { unstructured: 'Skolevej 1, 8000 Aarhus C' },
        AdditionalContentData: [
          { contentDataType: 'Skole', contentDataName: 'Skolenavn', contentDataValue: 'Eksempelskolen' },
          { contentDataName: 'Klasse', contentDataValue: '0.A' },
        ],
      },
      ForwardData: {
        messageUUID: '2d3b1c0e-6a5f-4c1b-8e2d-3f4a5b6c7d8e',
        originalMessageDateTime: '2026-01-01T08:30:00Z',
        originalSender: 'Anden Kommune',
        originalContentResponsible: 'Skoleforvaltningen',
        ...(version === '1.2' ? { originalRepresentative: 'Advokatfirma' } : {}),
        contactPointID: '241d39f6-998e-4929-b198-ccacbbf4b330',
        comment: 'Videresendt til rette myndighed',
      },
      ReplyData: [
        {
          messageID: 'MSG-12345',
          messageUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114',
          senderID: '13748136',
          recipientID: '0101901234',
          caseID: 'SAG-12345',
          contactPointID: '241d39f6-998e-4929-b198-ccacbbf4b330',
          generatingSystemID: 'SYS-42',
          comment: 'Oprindelig besked',
          AdditionalReplyData: [{ label: 'Sagsbehandler', value: 'Hanne' }],
        },
        {
          messageUUID: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
          replyUUID: '8c2ea15d-61fb-4ba9-9366-42f8b194c114',
          senderID: '0101901234',
          recipientID: '13748136',
        },
      ],
    },
    MessageBody: {
      createdDateTime: '2026-01-10T09:15:00Z',
      MainDocument: {
        mainDocumentID: 'DOC-1',
        label: 'Tilbud om plads',
        File: [file('Tilbud.pdf')],
        Action: [
          {
            label: 'Book tid',
            actionCode: 'AFTALE',
            startDateTime: '2026-02-01T08:00:00Z',
            endDateTime: '2026-02-01T09:00:00Z',
            Reservation: {
              description: 'Samtale om plads',
              reservationUUID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
              abstract: 'Samtale',
              location: 'Rådhuset, lokale 2',
              startDateTime: '2026-02-01T08:00:00Z',
              endDateTime: '2026-02-01T09:00:00Z',
              organizerMail: 'pladsanvisning@kommune.example.dk',
              organizerName: 'Pladsanvisningen',
            },
          },
          { label: 'Tag imod pladsen', actionCode: 'SELVBETJENING', EntryPoint: { url: 'https://selvbetjening.kommune.example.dk/plads?id=1&svar=ja' } },
        ],
      },
      AdditionalDocument: [
        { additionalDocumentID: 'DOC-2', label: 'Bilag 1', File: [file('Bilag 1.pdf'), file('Bilag 1b.pdf')], Action: [{ label: 'Læs mere', actionCode: 'INFORMATION', EntryPoint: { url: 'https://kommune.example.dk/info' } }] },
        { label: 'Bilag 2', File: [file('Bilag 2.pdf')] },
      ],
      TechnicalDocument: [
        { technicalDocumentID: 'TECH-1', label: 'Data', File: [{ encodingFormat: 'text/xml', filename: 'data.xml', language: 'da', content: { kind: 'bytes', bytes: new TextEncoder().encode('<data>1</data>') } }] },
      ],
    },
  };
}

/** A NemSMS (no body). */
export function nemSmsMessage(version: MemoVersion): MemoMessage {
  return {
    memoVersion: version,
    ...(version === '1.1' ? { memoSchVersion: '1.1.0' } : {}),
    MessageHeader: {
      messageType: 'NEMSMS',
      messageUUID: '3f2e1d0c-9b8a-4765-b432-10fedcba9876',
      label: 'Påmindelse',
      notification: 'Husk din tid hos tandlægen i morgen kl. 10 <3',
      mandatory: false,
      legalNotification: false,
      Sender: { senderID: '13748136', idType: 'CVR', label: 'Eksempel Kommune' },
      Recipient: { recipientID: '0101901234', idType: 'CPR' },
    },
  };
}
