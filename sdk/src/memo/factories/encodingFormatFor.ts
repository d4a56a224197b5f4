/**
 * The MIME type (`File/encodingFormat`) for a filename, guessed from its extension.
 * @module
 */

/** Extensions of the formats seen in Digital Post (lower case, without the dot). */
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = Object.freeze({
  pdf: 'application/pdf',
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  xml: 'text/xml',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  msg: 'application/vnd.ms-outlook',
  eml: 'message/rfc822',
  csv: 'text/csv',
  rtf: 'application/rtf',
  zip: 'application/zip',
  json: 'application/json',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
});

export const DEFAULT_ENCODING_FORMAT = 'application/octet-stream';

/** `encodingFormatFor('Afgørelse.PDF')` → `application/pdf`; unknown → `application/octet-stream`. */
export function encodingFormatFor(filename: string): string {
  const dot = filename.lastIndexOf('.');
  if (dot < 0 || dot === filename.length - 1) return DEFAULT_ENCODING_FORMAT;
  const ext = filename.slice(dot + 1).trim().toLowerCase();
  return Object.hasOwn(MIME_BY_EXTENSION, ext) ? MIME_BY_EXTENSION[ext]! : DEFAULT_ENCODING_FORMAT;
}
