/**
 * Test helpers for Postbud users and packages (to ship as `@postbud/sdk/testing`): fictional
 * identifiers, object mothers and fast-check arbitraries for letter inputs. No test-runner
 * imports; `fast-check` is needed only by the arbitraries.
 * @module
 */
export { FICTIONAL_CONTACT_POINT_ID, FICTIONAL_CPR, FICTIONAL_CVR, FICTIONAL_P_NUMBER, cvrFromSevenDigits } from './fictionalIdentifiers.js';
export { aDocument, aLetterInput, aNemSmsInput, aReplyEnabledLetterInput, aTinyPdf } from './letterInputs.js';
export { ARBITRARY_NOW, letterInputArbitrary } from './arbitraries/letterInputArbitrary.js';
export type { LetterInputArbitraryOptions } from './arbitraries/letterInputArbitrary.js';
export { cprArbitrary, cvrArbitrary, pNumberArbitrary } from './arbitraries/identifierArbitraries.js';
export { addressArbitrary, attentionDataArbitrary, replyDataArbitrary } from './arbitraries/modelArbitraries.js';
export { httpsUrl, memoChar, memoFilename, memoText } from './arbitraries/textArbitraries.js';
