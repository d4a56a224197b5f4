// Stand-in for office.js inside the preview's task pane iframe: the compose item is the
// simulated mail of the parent page (window.parent.postbudCompose, same origin). Only what
// the add-in uses is provided; callbacks are asynchronous like Outlook's.
(function () {
  'use strict';
  var compose = window.parent && window.parent !== window ? window.parent.postbudCompose : undefined;
  function ok(value) { return { status: 'succeeded', value: value }; }
  function fail(message) { return { status: 'failed', error: { code: 9999, name: 'PreviewError', message: message } }; }
  function later(cb, result) { setTimeout(function () { if (typeof cb === 'function') cb(result); }, 5); }
  function lastFn(args) { for (var i = args.length - 1; i >= 0; i--) if (typeof args[i] === 'function') return args[i]; return undefined; }
  function atLeast(v) { var w = v.split('.').map(Number); return w[0] < 1 || (w[0] === 1 && w[1] <= 14); }

  var item = compose && {
    subject: { getAsync: function () { later(lastFn(arguments), ok(compose.subject())); } },
    body: { getAsync: function (type) { later(lastFn(arguments), ok(type === 'html' ? compose.bodyHtml() : compose.bodyText())); } },
    getAttachmentsAsync: function () {
      later(lastFn(arguments), ok(compose.attachments.map(function (a) {
        return { id: a.id, name: a.name, size: a.size, contentType: a.contentType, attachmentType: 'file', isInline: false };
      })));
    },
    getAttachmentContentAsync: function (id) {
      var a = compose.attachments.find(function (x) { return x.id === id; });
      later(lastFn(arguments), a ? ok({ format: 'base64', content: a.base64 }) : fail('The attachment was removed.'));
    },
    sessionData: {
      getAsync: function (key) { var v = compose.session[key]; later(lastFn(arguments), v === undefined ? fail('not found') : ok(v)); },
      setAsync: function (key, value) { compose.session[key] = value; later(lastFn(arguments), ok(undefined)); },
    },
    closeAsync: function () { var cb = lastFn(arguments); setTimeout(function () { compose.close(); if (cb) cb(ok(undefined)); }, 5); },
  };

  window.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    MailboxEnums: {
      AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
      AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
    },
    context: {
      displayLanguage: compose ? compose.language : 'da-DK',
      requirements: { isSetSupported: function (name, v) { return name === 'Mailbox' && atLeast(v); } },
      mailbox: { item: item },
    },
    onReady: function (cb) {
      var info = { host: item ? 'Outlook' : null, platform: item ? 'OfficeOnline' : null };
      setTimeout(function () { if (cb) cb(info); }, 0);
      return Promise.resolve(info);
    },
  };
})();
