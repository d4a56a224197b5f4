// Writes the hostile-input corpus (small files only; big ones are made at test time) and
// manifest.json: one entry per file with its target and the expected outcome. Re-run with
// `node proof/corpus/generate.mjs` after editing; the files are committed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const manifest = [];
function put(dir, name, content, expect) {
  mkdirSync(path.join(here, dir), { recursive: true });
  writeFileSync(path.join(here, dir, name), content);
  manifest.push({ file: `${dir}/${name}`, target: dir, expect });
}
for (const d of ['memo-xml', 'json-letters', 'identifiers', 'files', 'tokens', 'http']) rmSync(path.join(here, d), { recursive: true, force: true });

const NS = 'urn:oio:dkal:memo:1.1.0'; // corpus documents need not be valid: only refused cleanly
const header = (inner) => `<memo:Message xmlns:memo="urn:ogdp:memo:1.1.0" memoVersion="1.1"><memo:MessageHeader>${inner}</memo:MessageHeader></memo:Message>`;
// ---- memo-xml: malformed, forbidden (DTD/entities), not MeMo, invalid content ----
const malformed = [
  '', ' ', '<', '<memo:Message', '<memo:Message>', '</memo:Message>', '<a><b></a></b>', '<?xml version="1.0"?>', '<?xml version="9.9"?><a/>',
  '<a attr="1" attr="2"/>', '<a>&undefined;</a>', '<a>&#0;</a>', '<a>&#xD800;</a>', '<a>\u0001</a>', '<1tag/>', '<a:b:c/>', '<x:y/>',
  '<a><!-- unterminated </a>', '<a><![CDATA[ x </a>', '<a></a><b></b>', 'text only', '<a>text', '<<a/>', '<a/>>', '<a b=c/>', "<a b='1\"/>",
  '\uFEFF\uFEFF<a/>', '<?xml version="1.0" encoding="EBCDIC"?><a/>', '<a xmlns:p=""><p:b/></a>', '<a>&#x110000;</a>',
];
malformed.forEach((x, i) => put('memo-xml', `malformed-${String(i).padStart(2, '0')}.xml`, x, 'error'));
const forbidden = [
  '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
  '<!DOCTYPE a [<!ENTITY x SYSTEM "http://127.0.0.1:1/x">]><a>&x;</a>',
  '<!DOCTYPE a SYSTEM "http://127.0.0.1:1/evil.dtd"><a/>',
  '<!DOCTYPE a [<!ENTITY % p SYSTEM "http://127.0.0.1:1/p.dtd"> %p;]><a/>',
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>',
  '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
  '<!DOCTYPE a><a/>',
  '<?xml version="1.0"?><!DOCTYPE memo:Message [<!ENTITY cpr "0101901234">]><memo:Message xmlns:memo="urn:ogdp:memo:1.1.0">&cpr;</memo:Message>',
  '<!DOCTYPE a PUBLIC "-//X//Y" "http://127.0.0.1:1/y.dtd"><a/>',
  '<!DOCTYPE a [<!ELEMENT a ANY><!ATTLIST a x CDATA "d">]><a/>',
  '<!DOCTYPE a [<!ENTITY x SYSTEM "expect://id">]><a>&x;</a>',
  '<!DOCTYPE a [<!ENTITY x SYSTEM "php://filter/resource=/etc/passwd">]><a>&x;</a>',
  '<?xml-stylesheet href="http://127.0.0.1:1/x.xsl"?><!DOCTYPE a [<!ENTITY x "1">]><a/>',
  '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///dev/random">]><a>&x;</a>',
  '<!DOCTYPE a [<!NOTATION n SYSTEM "x">]><a/>',
];
forbidden.forEach((x, i) => put('memo-xml', `dtd-entity-${String(i).padStart(2, '0')}.xml`, x, 'error'));
const notMemo = [
  '<a/>', '<Message/>', '<memo:Message xmlns:memo="urn:wrong"/>', `<memo:Message xmlns:memo="${NS}"/>`, '<html><body>hi</body></html>',
  '<kombi_request/>', '<memo:MessageHeader xmlns:memo="urn:ogdp:memo:1.1.0"/>', '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"/>',
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', '<memo:message xmlns:memo="urn:ogdp:memo:1.1.0"/>',
];
notMemo.forEach((x, i) => put('memo-xml', `not-memo-${String(i).padStart(2, '0')}.xml`, x, 'error'));
const invalidContent = [
  header(''), header('<memo:messageType>DIGITALPOST</memo:messageType>'), header('<memo:messageUUID>not-a-uuid</memo:messageUUID>'),
  header('<memo:messageType>BOGUS</memo:messageType><memo:messageUUID>8f0c7a3e-2b1d-4c5e-9f6a-7b8c9d0e1f2a</memo:messageUUID><memo:label>x</memo:label><memo:mandatory>maybe</memo:mandatory>'),
  header('<memo:label>x</memo:label><memo:messageType>DIGITALPOST</memo:messageType>'),
  '<memo:Message xmlns:memo="urn:ogdp:memo:1.1.0" memoVersion="7.0"><memo:MessageHeader/></memo:Message>',
  header(`<memo:Recipient><memo:recipientID>0101901234X</memo:recipientID><memo:idType>CPR</memo:idType></memo:Recipient>`),
  header(`<memo:Recipient><memo:recipientID>3213901234</memo:recipientID><memo:idType>CPR</memo:idType></memo:Recipient>`),
  header(`<memo:Sender><memo:senderID>12345678</memo:senderID><memo:idType>CVR</memo:idType></memo:Sender>`),
  header(`<memo:label>${'x'.repeat(5000)}</memo:label>`),
  header('<memo:label>\u0007bell\u001b[31m</memo:label>'),
  header('<memo:messageUUID>8f0c7a3e-2b1d-4c5e-9f6a-7b8c9d0e1f2a</memo:messageUUID><memo:messageUUID>8f0c7a3e-2b1d-4c5e-9f6a-7b8c9d0e1f2b</memo:messageUUID>'),
];
invalidContent.forEach((x, i) => put('memo-xml', `invalid-content-${String(i).padStart(2, '0')}.xml`, x, 'error'));

// ---- identifiers: invalid and edge-case CPR / CVR / P-numbers ----
const cprs = ['', '0', '123', '010190123', '01019012345', '0101901234 ', ' 0101901234', '010190_1234', '010190--1234', '3201901234', '0013901234', '0000000000',
  '2902011234', '3104901234', '3106901234', '3109901234', '3111901234', '0100901234', '9999999999', 'abcdefghij', '01019O1234', '０１０１９０１２３４', '0101901234\n',
  '0101901234\u0000', '-0101901234', '+0101901234', '0101.901234', '010190/1234', '1e10', '0x1234', '0101901234 OR 1=1', '<0101901234>', '0101901234;', '01 01 90 1234',
  '3002901234', '3102901234', '2902901234', '0101 901234', '١٢٣٤٥٦٧٨٩٠', '0101901234'.repeat(3)];
cprs.forEach((x, i) => put('identifiers', `cpr-${String(i).padStart(2, '0')}.txt`, x, 'CPR_INVALID'));
const cvrs = ['', '1', '1234567', '123456789', '13748137', '13748135', '12345678', '00000000', '99999999', 'abcdefgh', '1374813６', ' 13748136', '13748136 ',
  '1374-8136', 'DK13748136', '13748136\n', '-1374813', '1.374813', '24256791', '13585629', '13585627', '1e7', '0x12345', '1374 8136', '137481366'];
cvrs.forEach((x, i) => put('identifiers', `cvr-${String(i).padStart(2, '0')}.txt`, x, 'CVR_INVALID'));
const pnumbers = ['', '1', '123456789', '12345678901', 'abcdefghij', '100000001X', '1000000012', '0000000000', '1000000011 ', ' 1000000011', '1000-00001', '１０００００００１１', '9999999999', '1e9', '1000000011\n'];
pnumbers.forEach((x, i) => put('identifiers', `pnumber-${String(i).padStart(2, '0')}.txt`, x, 'P_NUMBER_INVALID'));

// ---- files: forbidden names, path traversal, wrong MIME types, empty ----
const names = ['../../etc/passwd.pdf', '..\\..\\windows\\win.ini.pdf', '/etc/passwd.pdf', 'C:\\boot.ini.pdf', 'a/b.pdf', 'CON.pdf', 'nul.pdf', 'com1.pdf', 'lpt1.pdf', 'aux.pdf',
  'file\u0000.pdf', 'file\u0007.pdf', 'file\n.pdf', 'file\r\n.pdf', '\u202Efdp.exe', ' .pdf', '.pdf', '...pdf', `${'a'.repeat(300)}.pdf`, 'brev.pdf.exe', 'brev.exe', 'brev.bat',
  'brev.js', 'brev.html', 'brev.svg', 'brev.PDF ', 'brev<>.pdf', 'brev|.pdf', 'brev?.pdf', 'brev*.pdf', 'brev".pdf', '', '%2e%2e%2fetc%2fpasswd.pdf', 'brev\t.pdf', 'brev:stream.pdf'];
names.forEach((n, i) => put('files', `filename-${String(i).padStart(2, '0')}.json`, JSON.stringify({ filename: n, contentType: 'application/pdf', base64: 'JVBERi0xLjQKJSVFT0YK' }), 'error-or-safe-name'));
const mimes = [['brev.pdf', 'application/x-msdownload'], ['brev.pdf', 'text/html'], ['brev.pdf', 'application/javascript'], ['brev.pdf', 'image/svg+xml'], ['brev.pdf', 'application/x-sh'],
  ['brev.pdf', 'not a mime'], ['brev.pdf', 'application/pdf; charset=\u0000'], ['brev.pdf', `application/${'x'.repeat(500)}`], ['brev.pdf', '']];
mimes.forEach(([n, t], i) => put('files', `mime-${String(i).padStart(2, '0')}.json`, JSON.stringify({ filename: n, contentType: t, base64: 'JVBERi0xLjQKJSVFT0YK' }), 'error-or-safe-name'));
put('files', 'zero-byte.json', JSON.stringify({ filename: 'brev.pdf', contentType: 'application/pdf', base64: '' }), 'error');

// ---- json-letters: bodies for POST /v1/letters (4xx expected, nothing stored or sent) ----
const pdf = 'JVBERi0xLjQKJSVFT0YK';
const ok = { senderSystem: 'outlook', recipient: { type: 'cpr', cpr: '0101901234' }, title: 'Brev', files: [{ filename: 'brev.pdf', base64: pdf }] };
const bodies = [
  '', '{', '}', 'null', 'true', '42', '"string"', '[]', '[{}]', '{"a":', '{"senderSystem":"outlook"', '{\'a\':1}', '{"a":1,}', '\u0000', 'NaN', '{"a":Infinity}',
  JSON.stringify({}), JSON.stringify({ ...ok, senderSystem: undefined }), JSON.stringify({ ...ok, senderSystem: 'nope' }), JSON.stringify({ ...ok, senderSystem: 42 }),
  JSON.stringify({ ...ok, recipient: undefined }), JSON.stringify({ ...ok, recipient: {} }), JSON.stringify({ ...ok, recipient: { type: 'cpr' } }),
  JSON.stringify({ ...ok, recipient: { type: 'cpr', cpr: '3213901234' } }), JSON.stringify({ ...ok, recipient: { type: 'cpr', cpr: '0101901234X' } }),
  JSON.stringify({ ...ok, recipient: { type: 'cpr', cpr: 101901234 } }), JSON.stringify({ ...ok, recipient: { type: 'cvr', cvr: '13748137' } }),
  JSON.stringify({ ...ok, recipient: { type: 'cvr', cvr: '13748136', pNumber: '12' } }), JSON.stringify({ ...ok, recipient: { type: 'email', email: 'a@b.dk' } }),
  JSON.stringify({ ...ok, title: '' }), JSON.stringify({ ...ok, title: 'x'.repeat(257) }), JSON.stringify({ ...ok, title: 42 }), JSON.stringify({ ...ok, title: null }),
  JSON.stringify({ ...ok, title: 'Brev til 0101901234 \u0000\u0007\u001b[2J' }), JSON.stringify({ ...ok, notification: 'x'.repeat(151) }),
  JSON.stringify({ ...ok, files: [] }), JSON.stringify({ ...ok, files: undefined }), JSON.stringify({ ...ok, files: 'brev.pdf' }), JSON.stringify({ ...ok, files: [{}] }),
  JSON.stringify({ ...ok, files: [{ filename: 'brev.pdf' }] }), JSON.stringify({ ...ok, files: [{ filename: 'brev.pdf', base64: 42 }] }),
  JSON.stringify({ ...ok, files: Array.from({ length: 12 }, () => ({ filename: 'brev.pdf', base64: pdf })) }),
  JSON.stringify({ ...ok, files: [{ filename: 'brev.pdf', base64: '!!!not base64!!!' }] }), JSON.stringify({ ...ok, files: [{ filename: 'brev.pdf', base64: '' }] }),
  JSON.stringify({ ...ok, contactPointId: 'not-a-uuid' }), JSON.stringify({ ...ok, reply: { enabled: 'yes' } }), JSON.stringify({ ...ok, reply: { enabled: true, replyBy: 'tomorrow' } }),
  JSON.stringify({ ...ok, kle: 'x' }), JSON.stringify({ ...ok, kle: { subjectKey: 1 } }), JSON.stringify({ ...ok, caseId: 'x'.repeat(300) }),
  JSON.stringify({ ...ok, __proto__: { admin: true }, constructor: { prototype: { polluted: 1 } } }).replace('"constructor"', '"__proto__"'),
  JSON.stringify({ ...ok, recipient: { type: 'cpr', cpr: '0101901234', name: 'x'.repeat(10000) } }),
];
bodies.forEach((b, i) => put('json-letters', `letter-${String(i).padStart(2, '0')}.json`, b, '4xx'));
names.forEach((n, i) => {
  if (/^[\w.-]+\.pdf$/.test(n) && !/^(con|nul|com1|lpt1|aux)\.pdf$/i.test(n) && n.length < 100) return;
  put('json-letters', `filename-${String(i).padStart(2, '0')}.json`, JSON.stringify({ ...ok, files: [{ filename: n, base64: pdf }] }), '4xx-or-safe-name');
});

// ---- tokens: Authorization header values (401 expected) ----
const b64u = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const claims = { iss: 'http://127.0.0.1:1/idp', aud: 'api://postbud-gateway', exp: now + 3600, oid: 'x', scp: 'Letters.Send', groups: ['0e5d23b6-6a0e-45a8-a8c8-8ba35648aa31'] };
const tokens = [
  '', 'Bearer', 'Bearer ', 'Basic cG9zdGJ1ZDpwYXNz', 'bearer abc', 'Bearer abc', 'Bearer a.b', 'Bearer a.b.c', 'Bearer ...', `Bearer ${'A'.repeat(10000)}`,
  `Bearer ${b64u({ alg: 'none', typ: 'JWT' })}.${b64u(claims)}.`, `Bearer ${b64u({ alg: 'none' })}.${b64u(claims)}`, `Bearer ${b64u({ alg: 'NONE' })}.${b64u(claims)}.`,
  `Bearer ${b64u({ alg: 'HS256', typ: 'JWT' })}.${b64u(claims)}.${Buffer.from('forged').toString('base64url')}`,
  `Bearer ${b64u({ alg: 'RS256', kid: '../../etc/passwd' })}.${b64u(claims)}.${Buffer.from('forged').toString('base64url')}`,
  `Bearer ${b64u({ alg: 'RS256', jku: 'http://127.0.0.1:1/jwks' })}.${b64u(claims)}.AAAA`, `Bearer ${b64u({ alg: 'RS256', x5u: 'http://127.0.0.1:1/x' })}.${b64u(claims)}.AAAA`,
  `Bearer ${b64u({ alg: 'RS256', jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } })}.${b64u(claims)}.AAAA`, `Bearer ${b64u({ alg: 'ES256' })}.${b64u({ ...claims, exp: now - 3600 })}.AAAA`,
  `Bearer ${b64u({ alg: 'RS256' })}.${b64u({ ...claims, aud: 'api://someone-else' })}.AAAA`, `Bearer ${b64u({ alg: 'RS256' })}.not-json.AAAA`, 'Bearer \u0000\u0000', 'Bearer tøken',
  `Bearer ${b64u({ alg: 'none' })}.${b64u({ ...claims, exp: now - 3600 })}.`, `Bearer ${b64u({ alg: 'none' })}.${b64u({ ...claims, scp: 'Admin' })}.`,
];
tokens.forEach((t, i) => put('tokens', `token-${String(i).padStart(2, '0')}.txt`, t, '401'));

// ---- http: raw requests against the API (4xx, never 5xx; no CORS grant for foreign origins) ----
const requests = [
  { method: 'GET', path: '/v1/letters/../../etc/passwd', expect: '4xx' }, { method: 'GET', path: '/v1/letters/%2e%2e%2f%2e%2e%2fetc%2fpasswd', expect: '4xx' },
  { method: 'GET', path: '/v1/letters/not-a-uuid', expect: '4xx' }, { method: 'GET', path: '/v1/letters/00000000-0000-0000-0000-000000000000', expect: '4xx' },
  { method: 'GET', path: '/v1/letters?limit=-1', expect: '4xx' }, { method: 'GET', path: '/v1/letters?limit=100000', expect: '4xx' }, { method: 'GET', path: '/v1/letters?from=yesterday', expect: '4xx' },
  { method: 'GET', path: '/v1/letters?state=lost', expect: '4xx' }, { method: 'GET', path: '/v1/companies?q=a', expect: '4xx' }, { method: 'GET', path: `/v1/companies?q=${'x'.repeat(500)}`, expect: '4xx' },
  { method: 'GET', path: '/v1/companies/1374813', expect: '4xx' }, { method: 'GET', path: '/v1/companies/../../x', expect: '4xx' }, { method: 'DELETE', path: '/v1/letters', expect: '4xx' },
  { method: 'PUT', path: '/v1/letters', expect: '4xx' }, { method: 'POST', path: '/v1/letters', contentType: 'text/plain', body: 'hello', expect: '4xx' },
  { method: 'POST', path: '/v1/letters', contentType: 'application/xml', body: '<a/>', expect: '4xx' }, { method: 'POST', path: '/v1/letters', contentType: 'multipart/form-data; boundary=x', body: '--x\r\n\r\n', expect: '4xx' },
  { method: 'POST', path: '/v1/letters', contentType: 'multipart/form-data', body: 'garbage', expect: '4xx' },
  { method: 'POST', path: '/v1/letters', contentType: 'multipart/form-data; boundary=b', body: '--b\r\nContent-Disposition: form-data; name="letter"\r\n\r\n{not json\r\n--b--\r\n', expect: '4xx' },
  { method: 'POST', path: '/v1/lookup', contentType: 'application/json', body: '{"cpr":"3213901234"}', expect: '4xx' }, { method: 'POST', path: '/v1/lookup', contentType: 'application/json', body: '{"cvr":"13748137"}', expect: '4xx' },
  { method: 'POST', path: '/v1/lookup', contentType: 'application/json', body: '{"cvr":"13748136","pNumber":"1"}', expect: '4xx' }, { method: 'POST', path: '/v1/lookup', contentType: 'application/json', body: '{}', expect: '4xx' },
  { method: 'POST', path: '/v1/lookup', contentType: 'application/json', body: '{"cpr":["0101901234"]}', expect: 'not-5xx' },
  { method: 'OPTIONS', path: '/v1/letters', origin: 'https://evil.example', headers: { 'access-control-request-method': 'POST' }, expect: 'no-cors' },
  { method: 'GET', path: '/v1/me', origin: 'https://evil.example', expect: 'no-cors' }, { method: 'OPTIONS', path: '/v1/me', origin: 'null', headers: { 'access-control-request-method': 'GET' }, expect: 'no-cors' },
  { method: 'POST', path: '/v1/letters', origin: 'http://127.0.0.1.evil.example', contentType: 'application/json', body: '{}', expect: 'no-cors' },
  { method: 'GET', path: '/v1/reports/replyability?format=exe', expect: '4xx' }, { method: 'GET', path: '/v1/reports/replyability?from=x&to=y', expect: '4xx' },
  { method: 'GET', path: '/v1/letters/%00', expect: '4xx' }, { method: 'GET', path: '/v1/nothing-here', expect: '4xx' },
];
requests.forEach((r, i) => put('http', `request-${String(i).padStart(2, '0')}.json`, JSON.stringify(r), r.expect));

writeFileSync(path.join(here, 'manifest.json'), `${JSON.stringify({ generatedBy: 'proof/corpus/generate.mjs', count: manifest.length, items: manifest }, null, 1)}\n`);
console.log(`corpus: ${manifest.length} files`);
