/**
 * `MessageHeader/ContentData` from the letter's metadata: the correlation data that NgDP
 * carries forward when the recipient replies or forwards.
 * @module
 */
import { parseCpr } from '../../identifiers/cpr.js';
import { parseCvr } from '../../identifiers/cvr.js';
import { parsePNumber } from '../../identifiers/pNumber.js';
import type { MetadataInput } from '../letterInput.js';
import type { ContentData, FORMdata, KLEdata } from '../model.js';
import { cloneData, type Mutable } from './cloneData.js';
import { letterInputError } from './letterInputError.js';

type Classification = { readonly version?: string; readonly activityFacet?: string; readonly label: string };

/**
 * KLE and FORM keys mean nothing without the edition they come from, and no default edition
 * stays right for long, so `version` is required (e.g. `Maj 2018`, `Opgavenøglen v2.12`).
 */
function classification(input: Classification, field: string, example: string): { version: string; activityFacet?: string; label: string } {
  if (typeof input.version !== 'string' || input.version.trim() === '') {
    throw letterInputError(`${field}.version`, `is required: the edition the key comes from, e.g. "${example}".`);
  }
  return input.activityFacet === undefined
    ? { version: input.version, label: input.label }
    : { version: input.version, activityFacet: input.activityFacet, label: input.label };
}

function kle(input: NonNullable<MetadataInput['kle']>): KLEdata {
  return { subjectKey: input.subjectKey, ...classification(input, 'metadata.kle', 'Maj 2018') };
}

function form(input: NonNullable<MetadataInput['form']>): FORMdata {
  return { taskKey: input.taskKey, ...classification(input, 'metadata.form', 'Opgavenøglen v2.12') };
}

/** Builds ContentData in XSD order; undefined when the metadata has nothing to carry. */
export function buildContentData(m: MetadataInput | undefined): ContentData | undefined {
  if (m === undefined) return undefined;
  if (m.address !== undefined && m.unstructuredAddress !== undefined) {
    throw letterInputError('metadata', 'give address or unstructuredAddress, not both (MeMo allows an unstructured address only alone).');
  }
  const c: Mutable<ContentData> = {};
  if (m.cpr !== undefined) c.CPRdata = cloneData({ cprNumber: parseCpr(m.cpr.cprNumber), name: m.cpr.name });
  if (m.cvr !== undefined) c.CVRdata = cloneData({ cvrNumber: parseCvr(m.cvr.cvrNumber), companyName: m.cvr.companyName });
  if (m.motorVehicle !== undefined) c.MotorVehicle = cloneData(m.motorVehicle);
  if (m.propertyNumber !== undefined) c.PropertyNumber = { propertyNumber: m.propertyNumber };
  if (m.caseId !== undefined) c.CaseID = { caseID: m.caseId.id, caseSystem: m.caseId.system };
  if (m.kle !== undefined) c.KLEdata = kle(m.kle);
  if (m.form !== undefined) c.FORMdata = form(m.form);
  if (m.productionUnit !== undefined) {
    c.ProductionUnit = cloneData({ productionUnitNumber: parsePNumber(m.productionUnit.pNumber), productionUnitName: m.productionUnit.name });
  }
  if (m.education !== undefined) c.Education = cloneData(m.education);
  if (m.address !== undefined) c.Address = cloneData(m.address);
  if (m.unstructuredAddress !== undefined) c.UnstructuredAddress = { unstructured: m.unstructuredAddress };
  if (m.additional !== undefined && m.additional.length > 0) {
    c.AdditionalContentData = m.additional.map((a) =>
      a.type === undefined
        ? { contentDataName: a.name, contentDataValue: a.value }
        : { contentDataType: a.type, contentDataName: a.name, contentDataValue: a.value },
    );
  }
  return Object.keys(c).length === 0 ? undefined : c;
}
