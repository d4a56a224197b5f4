import { expect, test } from '@jest/globals';
import { parseMemo } from './parseMemo.js';
import { fullMemoMessage } from './testing/fullMemoMessage.js';
import { writeMemo } from './writeMemo.js';

const full12 = writeMemo(fullMemoMessage('1.2'));
const full11 = writeMemo(fullMemoMessage('1.1'));
const issuesOf = (xml: string) => parseMemo(xml).issues.map((i) => `${i.code} ${i.path}`);

test('elements out of order are read and reported with their path', () => {
  const xml = full12.replace('<memo:reply>true</memo:reply>', '').replace('<memo:postType>', '<memo:reply>true</memo:reply><memo:postType>');
  const { message, issues } = parseMemo(xml);
  expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual(['ELEMENT_ORDER /Message/MessageHeader/reply']);
  expect(issues[0]!.message).toContain('before legalNotification');
  expect(message.MessageHeader.reply).toBe(true);
});

test('repeated elements get 1-based indexes in paths; too many are reported', () => {
  const extraContactInfo = '<memo:ContactInfo><memo:label>x</memo:label><memo:value>y</memo:value></memo:ContactInfo>';
  const xml = full12.replace('</memo:ContactInfo></memo:ContactPoint>', `</memo:ContactInfo>${extraContactInfo}</memo:ContactPoint>`);
  const { message, issues } = parseMemo(xml);
  expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual(['TOO_MANY /Message/MessageHeader/Sender/ContactPoint/ContactInfo[3]']);
  expect(message.MessageHeader.Sender.ContactPoint?.ContactInfo).toHaveLength(3);
  const twice = full12.replace('<memo:messageCode>', '<memo:messageID>second</memo:messageID><memo:messageCode>');
  expect(issuesOf(twice)).toEqual(['TOO_MANY /Message/MessageHeader/messageID']);
  expect(parseMemo(twice).message.MessageHeader.messageID).toBe('MSG-12345');
});

test('missing required elements are reported and filled with empty values so the model stays usable', () => {
  const xml = full12
    .replace(/<memo:label>Eksempel Kommune<\/memo:label>/, '')
    .replace(/<memo:filename>Bilag 1b.pdf<\/memo:filename>/, '')
    .replace(/<memo:Recipient>.*?<\/memo:Recipient>/, '');
  const { message, issues } = parseMemo(xml);
  expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
    'REQUIRED /Message/MessageHeader/Sender/label',
    'REQUIRED /Message/MessageHeader/Recipient',
    'REQUIRED /Message/MessageBody/AdditionalDocument[1]/File[2]/filename',
  ]);
  expect(message.MessageHeader.Sender.label).toBe('');
  expect(message.MessageHeader.Recipient).toEqual({ recipientID: '', idType: '' });
  expect(message.MessageBody?.AdditionalDocument?.[0]?.File[1]?.filename).toBe('');
  const noFile = parseMemo(full12.replace(/<memo:File>.*?<\/memo:File>/, ''));
  expect(noFile.issues.map((i) => i.path)).toEqual(['/Message/MessageBody/MainDocument/File[1]']);
  expect(noFile.message.MessageBody?.MainDocument.File).toEqual([]);
  // 1.1 requires mandatory and legalNotification; they stay absent (booleans are optional in the model).
  expect(issuesOf(full11.replace('<memo:mandatory>false</memo:mandatory>', ''))).toEqual(['REQUIRED /Message/MessageHeader/mandatory']);
});

test('unexpected elements, attributes and text are reported and skipped', () => {
  const xml = full12
    .replace('<memo:MessageBody>', '<memo:MessageBody>stray text<memo:Extra><memo:label>deep</memo:label></memo:Extra><other:Thing xmlns:other="urn:x"/>')
    .replace('<memo:label>Bilag 2</memo:label>', '<memo:label>Bilag <memo:b>2</memo:b></memo:label>')
    .replace('<memo:MainDocument>', '<memo:MainDocument id="1" xsi:type="x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">')
    .replace('<kle:KLEdata>', '<memo:KLEdata><kle:KLEdata>')
    .replace('</kle:KLEdata>', '</kle:KLEdata></memo:KLEdata>');
  expect(issuesOf(xml)).toEqual([
    'UNEXPECTED_ELEMENT /Message/MessageHeader/ContentData/KLEdata',
    'UNEXPECTED_TEXT /Message/MessageBody',
    'UNEXPECTED_ELEMENT /Message/MessageBody/Extra',
    'UNEXPECTED_ELEMENT /Message/MessageBody/Thing',
    'UNEXPECTED_ELEMENT /Message/MessageBody/MainDocument/@id',
    'UNEXPECTED_ELEMENT /Message/MessageBody/AdditionalDocument[2]/label/b',
  ]);
  const { message } = parseMemo(xml);
  expect(message.MessageHeader.ContentData?.KLEdata).toBeUndefined();
  expect(message.MessageBody?.AdditionalDocument?.[1]?.label).toBe('Bilag ');
});

test('version mismatches: 1.2 elements in 1.1, memoSchVersion in 1.2, missing or unknown memoVersion', () => {
  const rep = '<memo:Representative><memo:label>Advokat</memo:label></memo:Representative>';
  const v11 = full11.replace('</memo:ContactPoint></memo:Sender>', `</memo:ContactPoint>${rep}</memo:Sender>`);
  expect(issuesOf(v11)).toEqual(['VERSION_MISMATCH /Message/MessageHeader/Sender/Representative']);
  expect(parseMemo(v11).message.MessageHeader.Sender.Representative).toEqual({ label: 'Advokat' });
  expect(issuesOf(full12.replace('memoVersion="1.2"', 'memoVersion="1.2" memoSchVersion="1.1.0"'))).toEqual(['VERSION_MISMATCH /Message/@memoSchVersion']);
  expect(issuesOf(full11.replace(' memoSchVersion="1.1.0"', ''))).toEqual(['REQUIRED /Message/@memoSchVersion']);
  const missing = parseMemo(full11.replace(' memoVersion="1.1"', ''));
  expect(missing.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['REQUIRED /Message/@memoVersion']);
  expect(missing.message.memoVersion).toBe('1.1');
  expect(issuesOf(full12.replace('memoVersion="1.2"', 'memoVersion="2.0"'))).toEqual(['VERSION_MISMATCH /Message/@memoVersion']);
});

test('boolean lexical forms: true/false/1/0 (with whitespace) are read, anything else is reported', () => {
  const withReply = (v: string) => full12.replace('<memo:reply>true</memo:reply>', `<memo:reply>${v}</memo:reply>`);
  expect(parseMemo(withReply(' 1 ')).message.MessageHeader.reply).toBe(true);
  expect(parseMemo(withReply('0')).message.MessageHeader.reply).toBe(false);
  const bad = parseMemo(withReply('yes'));
  expect(bad.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['BOOLEAN /Message/MessageHeader/reply']);
  expect(bad.message.MessageHeader.reply).toBeUndefined();
});

test('an Action with both Reservation and EntryPoint is reported as CHOICE', () => {
  const xml = full12.replace('</memo:Reservation>', '</memo:Reservation><memo:EntryPoint><memo:url>https://x.example.dk</memo:url></memo:EntryPoint>');
  expect(issuesOf(xml)).toEqual(['CHOICE /Message/MessageBody/MainDocument/Action[1]']);
});

test('namespaces are compared by value: a near-miss URI (one character off) is not MeMo, an entity-written one is', () => {
  const offByOne = full12.replace('xmlns:grd="https://data.gov.dk/model/core/', 'xmlns:grd="https://data.gov.dk/model/cor3/');
  expect(offByOne).not.toBe(full12);
  expect(issuesOf(offByOne).every((i) => i.startsWith('UNEXPECTED_ELEMENT'))).toBe(true);
  expect(issuesOf(offByOne).length).toBeGreaterThan(0);
  const withReference = full12.replace('xmlns:grd="https://', 'xmlns:grd="https&#58;//');
  expect(withReference).not.toBe(full12);
  expect(parseMemo(withReference)).toEqual(parseMemo(full12));
});
