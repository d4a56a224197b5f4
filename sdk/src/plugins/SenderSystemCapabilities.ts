/**
 * What a sender system can do, declared by its plugin. The gateway's configuration checks
 * compare these with the municipality's policy (e.g. a reply policy of `always` for a system
 * that cannot offer replies is a configuration error).
 * @module
 */

/** @public */
export interface SenderSystemCapabilities {
  /** The system can offer the recipient to reply (it can file replies it gets back). */
  readonly reply: boolean;
  /** The system puts its case id on letters (MeMo `ContentData/CaseID`). */
  readonly caseIds: boolean;
}
