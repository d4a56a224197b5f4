// The simulated Outlook compose window of the add-in preview. It keeps the mail (subject,
// body, attachments, per-draft session data) in `window.postbudCompose`, which the office.js
// stand-in inside the task pane iframe reads (same origin). "Send as ordinary e-mail" runs
// the REAL built CPR guard (/addin/cpr-guard.js) the way Outlook's Smart Alerts would.
(function () {
  'use strict';

  var TEXTS = {
    da: {
      title: 'Postbud: Outlook-tilføjelsesprogrammet (forhåndsvisning)',
      heading: 'Outlook-tilføjelsesprogrammet (forhåndsvisning)',
      note: 'Simuleret Outlook med den rigtige, byggede opgaverude. Kun fiktive data.',
      composeHeading: 'Ny mail', to: 'Til', subject: 'Emne', body: 'Meddelelse', attachments: 'Vedhæftede filer',
      attach: 'Vedhæft fil …', noAttachments: 'Ingen vedhæftede filer.', remove: function (n) { return 'Fjern ' + n; },
      sendMail: 'Send som almindelig e-mail', openPane: 'Send til Digital Post', guardTitle: 'Outlook advarer',
      sendAnyway: 'Send alligevel', cancel: 'Annullér', newMail: 'Ny mail', paneHeading: 'Opgaverude: Send til Digital Post',
      paneTitle: 'Send til Digital Post',
      sentAsMail: 'Mailen blev sendt som almindelig e-mail (simuleret; intet er sendt).',
      closed: 'Outlook lukkede og kasserede mailudkastet (closeAsync med discardItem), fordi brevet er sendt som Digital Post.',
      added: function (n) { return n + ' er vedhæftet.'; }, removed: function (n) { return n + ' er fjernet.'; },
      guardMissing: 'CPR-vagten kunne ikke indlæses.',
      defaultBody: '<p>Kære Anna Jensen</p><p>Vedr. CPR-nr. 010190-1234: Du har fået tilbudt en plads i Solsikken Børnehus fra 1. august.</p><p>Venlig hilsen<br>Sara Sagsbehandler<br>Solbjerg Kommune</p>',
    },
    en: {
      title: 'Postbud: the Outlook add-in (preview)',
      heading: 'The Outlook add-in (preview)',
      note: 'Simulated Outlook with the real, built task pane. Fictional data only.',
      composeHeading: 'New mail', to: 'To', subject: 'Subject', body: 'Message', attachments: 'Attachments',
      attach: 'Attach file …', noAttachments: 'No attachments.', remove: function (n) { return 'Remove ' + n; },
      sendMail: 'Send as ordinary e-mail', openPane: 'Send as Digital Post', guardTitle: 'Outlook warns',
      sendAnyway: 'Send anyway', cancel: 'Cancel', newMail: 'New mail', paneHeading: 'Task pane: Send as Digital Post',
      paneTitle: 'Send as Digital Post',
      sentAsMail: 'The mail was sent as ordinary e-mail (simulated; nothing was sent).',
      closed: 'Outlook closed and discarded the mail draft (closeAsync with discardItem) because the letter went as Digital Post.',
      added: function (n) { return n + ' attached.'; }, removed: function (n) { return n + ' removed.'; },
      guardMissing: 'The CPR guard could not be loaded.',
      defaultBody: '<p>Dear Anna Jensen</p><p>Re CPR no. 010190-1234: you have been offered a place at Solsikken Børnehus from 1 August.</p><p>Kind regards<br>Sara Sagsbehandler<br>Solbjerg Kommune</p>',
    },
  };

  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var compose = {
    language: /^en/i.test(params.get('lang') || '') ? 'en-US' : 'da-DK',
    attachments: [],
    session: {},
    closed: false,
    subject: function () { return $('subject').value; },
    bodyHtml: function () { return $('body').innerHTML; },
    bodyText: function () { return $('body').innerText; },
    close: function () { closeDraft(); },
  };
  window.postbudCompose = compose;
  var counter = 0;

  function t() { return TEXTS[compose.language === 'en-US' ? 'en' : 'da']; }
  function announce(text) { $('compose-status').textContent = text; }

  function renderTexts() {
    var m = t();
    document.documentElement.lang = compose.language.slice(0, 2);
    document.title = m.title;
    document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = m[el.getAttribute('data-t')]; });
    $('pane').title = m.paneTitle;
    document.querySelectorAll('[data-lang]').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === compose.language)); });
    renderAttachments();
  }

  function renderAttachments() {
    var list = $('att-list');
    list.replaceChildren();
    if (compose.attachments.length === 0) { var none = document.createElement('li'); none.textContent = t().noAttachments; list.append(none); }
    compose.attachments.forEach(function (a) {
      var li = document.createElement('li');
      var name = document.createElement('span');
      name.textContent = a.name + ' (' + Math.max(1, Math.round(a.size / 1024)) + ' KB)';
      var remove = document.createElement('button');
      remove.type = 'button'; remove.className = 'link'; remove.textContent = t().remove(a.name);
      remove.addEventListener('click', function () {
        compose.attachments = compose.attachments.filter(function (x) { return x.id !== a.id; });
        renderAttachments(); announce(t().removed(a.name)); $('att-input').focus();
      });
      li.append(name, remove);
      list.append(li);
    });
  }

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result).replace(/^data:[^,]*,/, '')); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }

  $('att-input').addEventListener('change', function (e) {
    var files = Array.prototype.slice.call(e.target.files || []);
    Promise.all(files.map(function (f) {
      return readFile(f).then(function (base64) {
        counter += 1;
        compose.attachments.push({ id: 'att-' + counter, name: f.name, size: f.size, contentType: f.type || 'application/octet-stream', base64: base64 });
      });
    })).then(function () {
      renderAttachments();
      announce(t().added(files.map(function (f) { return f.name; }).join(', ')));
      e.target.value = '';
    });
  });

  // The real CPR guard: a stand-in Office on this page captures its handler.
  var guardHandler = null;
  window.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    actions: { associate: function (name, fn) { if (name === 'onMessageSendHandler') guardHandler = fn; } },
    context: {
      get displayLanguage() { return compose.language; },
      requirements: { isSetSupported: function (set, v) { return set === 'Mailbox' && parseFloat(v) <= 1.14; } },
      mailbox: { item: {
        subject: { getAsync: function (cb) { cb({ status: 'succeeded', value: compose.subject() }); } },
        body: { getAsync: function (type, cb) { cb({ status: 'succeeded', value: type === 'html' ? compose.bodyHtml() : compose.bodyText() }); } },
      } },
    },
  };
  var guardScript = document.createElement('script');
  guardScript.src = '/addin/cpr-guard.js';
  document.head.append(guardScript);

  function hideGuard() { $('guard').hidden = true; }
  $('guard-cancel').addEventListener('click', function () { hideGuard(); $('send-mail').focus(); });
  $('guard-send').addEventListener('click', function () { hideGuard(); announce(t().sentAsMail); });
  $('guard-action').addEventListener('click', function () { hideGuard(); focusPane(); });

  $('send-mail').addEventListener('click', function () {
    if (!guardHandler) return announce(t().guardMissing);
    announce('');
    guardHandler({ completed: function (decision) {
      if (decision.allowEvent) return announce(t().sentAsMail);
      $('guard-text').textContent = decision.errorMessage;
      $('guard-action').textContent = decision.cancelLabel || t().openPane;
      $('guard').hidden = false;
      $('guard-action').focus();
    } });
  });

  function focusPane() {
    var frame = $('pane');
    frame.focus();
    var first = frame.contentDocument && frame.contentDocument.querySelector('input, button, select');
    if (first) first.focus();
  }
  $('open-pane').addEventListener('click', focusPane);

  function closeDraft() {
    compose.closed = true;
    document.querySelector('.pane').hidden = true; // Outlook closes the pane with the draft
    document.querySelector('.compose').classList.add('closed');
    $('att-list').querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    ['to', 'subject', 'att-input', 'send-mail', 'open-pane'].forEach(function (id) { $(id).disabled = true; });
    $('body').contentEditable = 'false';
    announce(t().closed);
    $('new-mail').hidden = false;
    $('new-mail').focus();
  }

  $('new-mail').addEventListener('click', function () {
    compose.closed = false; compose.session = {}; compose.attachments = [];
    ['to', 'subject', 'att-input', 'send-mail', 'open-pane'].forEach(function (id) { $(id).disabled = false; });
    $('body').contentEditable = 'true';
    $('body').innerHTML = t().defaultBody;
    $('new-mail').hidden = true;
    document.querySelector('.pane').hidden = false;
    document.querySelector('.compose').classList.remove('closed');
    $('pane').src = '/addin/taskpane.html';
    announce('');
    renderAttachments();
    $('subject').focus();
  });

  document.querySelectorAll('[data-lang]').forEach(function (b) {
    b.addEventListener('click', function () {
      var wasDefault = $('body').innerHTML === t().defaultBody;
      compose.language = b.getAttribute('data-lang');
      if (wasDefault) $('body').innerHTML = t().defaultBody;
      renderTexts();
      if (!compose.closed) $('pane').src = '/addin/taskpane.html'; // the pane reads the language when it opens
    });
  });

  $('body').innerHTML = t().defaultBody;
  renderTexts();
})();
