/**
 * Every text the task pane shows. Danish is the default; English when Outlook's display
 * language is English. Functions take the values they mention.
 * @module
 */
export interface Messages {
  readonly lang: 'da' | 'en';
  readonly appTitle: string;
  readonly loading: string;
  readonly notInOutlook: string;
  readonly signedInAs: (name: string) => string;
  // Recipient
  readonly recipientHeading: string;
  readonly modeCpr: string;
  readonly modeCvr: string;
  readonly modeCvrP: string;
  readonly cprLabel: string;
  readonly cprHint: string;
  readonly companyLabel: string;
  readonly companyHint: string;
  readonly search: string;
  readonly searching: string;
  readonly noCompanies: string;
  readonly chooseCompany: (name: string, cvr: string) => string;
  readonly chosenCompany: (name: string, cvr: string) => string;
  readonly unitLabel: string;
  readonly wholeCompany: string;
  readonly noUnits: string;
  readonly lookup: string;
  readonly lookingUp: string;
  readonly problems: Readonly<Record<'cprFormat' | 'cprDate' | 'cvrInvalid' | 'pNumberMissing' | 'pNumberInvalid' | 'tooShort' | 'invalidCvr', string>>;
  readonly reachDigital: (name: string) => string;
  readonly reachPhysical: (name: string) => string;
  readonly reachUnreachable: (name: string) => string;
  /** Explanations of the lookup's `reason` codes; unknown codes are not shown. */
  readonly lookupReasons: Readonly<Record<string, string>>;
  readonly unknownName: string;
  readonly confirmName: string;
  // Sender
  readonly senderHeading: string;
  readonly senderSystemLabel: string;
  readonly contactPointLabel: string;
  readonly replyLabel: string;
  readonly replyForcedOn: string;
  readonly replyForcedOff: string;
  readonly replyChoice: string;
  readonly replyByLabel: string;
  readonly replyByInvalid: string;
  readonly offReasonLabel: string;
  readonly offReasonHint: string;
  /** Quick choices that fill in the reason. */
  readonly offReasonChoices: readonly string[];
  readonly offReasonChoicesLabel: string;
  readonly noSenderSystems: string;
  // Metadata
  readonly metadataHeading: string;
  readonly titleLabel: string;
  readonly titleGeneric: string;
  readonly caseIdLabel: string;
  readonly kleLabel: string;
  readonly kleHint: string;
  readonly requiredByPolicy: string;
  readonly fieldRequired: (field: string) => string;
  readonly kleFormat: string;
  readonly titleTooLong: string;
  // Content
  readonly contentHeading: string;
  readonly mainDocument: string;
  readonly attachmentsHeading: string;
  readonly noAttachments: string;
  readonly inlineImages: (n: number) => string;
  readonly refused: Readonly<Record<'cloud' | 'type' | 'size' | 'count', (name: string) => string>>;
  readonly tooLarge: string;
  readonly previewHeading: string;
  readonly previewNote: string;
  readonly showPreview: string;
  readonly letterheadDate: string;
  readonly letterheadCase: string;
  readonly letterheadCaseworker: string;
  // Send
  readonly send: string;
  readonly sendAgain: string;
  readonly fixBeforeSend: string;
  readonly progressReading: (done: number, total: number) => string;
  readonly progressSending: string;
  readonly progressWaiting: string;
  readonly receiptHeading: string;
  readonly receiptId: string;
  readonly receiptChannel: string;
  readonly receiptStatus: string;
  readonly channel: Readonly<Record<'digital' | 'physical' | 'nemsms', string>>;
  readonly channelPending: string;
  readonly status: Readonly<Record<'accepted' | 'sending' | 'sent' | 'delivered' | 'failed' | 'rejected', string>>;
  readonly closeDraft: string;
  readonly draftManual: string;
  readonly alreadySent: string;
  // Errors in plain words with what to do next
  readonly errors: Readonly<Record<'network' | 'timeout' | 'auth' | 'rateLimited' | 'server' | 'rejected' | 'tooLarge' | 'notReachable' | 'mailbox' | 'unreadable' | 'notFound' | 'unknown', string>>;
  readonly retryNote: string;
}
