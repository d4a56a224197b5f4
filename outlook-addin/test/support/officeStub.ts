/**
 * A stand-in for office.js, served in place of Microsoft's CDN script in browser tests.
 * It reads the simulated compose item from `window.__stubMailbox` (set by an init script),
 * keeps session data in localStorage (so it survives a pane reload, like Outlook's
 * per-draft sessionData) and records every call in `window.__officeCalls`.
 */
export interface StubAttachment {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  readonly attachmentType: 'file' | 'item' | 'cloud';
  readonly isInline: boolean;
  readonly contentId?: string;
  readonly format: 'base64' | 'eml' | 'url';
  readonly content: string;
}

export interface StubMailbox {
  readonly displayLanguage: string;
  readonly mailboxVersion: string;
  readonly subject: string;
  readonly bodyHtml: string;
  readonly attachments: StubAttachment[];
}

export const OFFICE_STUB_JS = String.raw`
(function () {
  var cfg = window.__stubMailbox;
  var calls = (window.__officeCalls = []);
  function ok(value) { return { status: 'succeeded', value: value }; }
  function fail(message) { return { status: 'failed', error: { code: 9999, name: 'StubError', message: message } }; }
  function later(cb, result) { setTimeout(function () { cb && cb(result); }, 5); }
  function atLeast(v) { var h = cfg.mailboxVersion.split('.').map(Number), w = v.split('.').map(Number); return h[0] > w[0] || (h[0] === w[0] && h[1] >= w[1]); }
  var item = {
    subject: { getAsync: function (cb) { calls.push(['subject.getAsync']); later(cb, ok(cfg.subject)); } },
    body: { getAsync: function (type, opts, cb) { if (typeof opts === 'function') cb = opts; calls.push(['body.getAsync', type]); later(cb, ok(type === 'html' ? cfg.bodyHtml : cfg.bodyHtml.replace(/<[^>]+>/g, ' '))); } },
    getAttachmentsAsync: function (opts, cb) { if (typeof opts === 'function') cb = opts; calls.push(['getAttachmentsAsync']);
      later(cb, ok(cfg.attachments.map(function (a) { return { id: a.id, name: a.name, size: a.size, contentType: a.contentType, attachmentType: a.attachmentType, isInline: a.isInline, contentId: a.contentId }; }))); },
    getAttachmentContentAsync: function (id, opts, cb) { if (typeof opts === 'function') cb = opts; calls.push(['getAttachmentContentAsync', id]);
      var a = cfg.attachments.find(function (x) { return x.id === id; });
      later(cb, a ? ok({ format: a.format, content: a.content }) : fail('InvalidAttachmentId')); },
    sessionData: {
      getAsync: function (key, cb) { calls.push(['sessionData.getAsync', key]); var v = localStorage.getItem('session:' + key); later(cb, v === null ? fail('not found') : ok(v)); },
      setAsync: function (key, value, opts, cb) { if (typeof opts === 'function') cb = opts; calls.push(['sessionData.setAsync', key]); localStorage.setItem('session:' + key, value); later(cb, ok(undefined)); },
    },
    closeAsync: function (opts, cb) { if (typeof opts === 'function') { cb = opts; opts = {}; } calls.push(['closeAsync', opts]); later(cb, ok(undefined)); },
  };
  window.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    MailboxEnums: {
      AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
      AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
    },
    context: {
      displayLanguage: cfg.displayLanguage,
      requirements: { isSetSupported: function (name, v) { calls.push(['isSetSupported', name, v]); return name === 'Mailbox' ? atLeast(v) : false; } },
      mailbox: { item: item },
    },
    onReady: function (cb) { var info = { host: 'Outlook', platform: 'OfficeOnline' }; setTimeout(function () { cb && cb(info); }, 0); return Promise.resolve(info); },
    actions: { associate: function (name, fn) { (window.__associated = window.__associated || {})[name] = fn; } },
  };
})();
`;
