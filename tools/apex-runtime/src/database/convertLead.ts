// Database.convertLead for one LeadConvert request.
//
// Rules emulated (Apex Reference Guide: "LeadConvert Class", "LeadConvertResult Class";
// Apex Developer Guide: "Converting Leads"; Salesforce Help: "Convert Leads"):
// - convertedStatus is required and must be a LeadStatus whose IsConverted is true.
// - A lead can be converted once (CANNOT_UPDATE_CONVERTED_LEAD afterwards).
// - accountId names an existing Account, or one is created from the lead's Company; contactId
//   names an existing Contact (its fields are kept), or one is created from the lead's name,
//   email, phones, title, address, description and lead source; an Opportunity is created
//   unless doNotCreateOpportunity.
// - The lead gets IsConverted, ConvertedAccountId, ConvertedContactId,
//   ConvertedOpportunityId, ConvertedDate and the converted status, through an update that
//   fires the Lead update triggers; its open activities move to the contact.
// NOT emulated: the org's custom lead field mapping (Setup > Map Lead Fields), which the
// project's metadata does not carry; the Opportunity's close date rule (set to the conversion
// date here).
import { ApexError } from '../interpreter/errors';
import { ApexDate, SObjectValue, type ApexValue } from '../interpreter/values';
import type { Database } from './database';
import { DmlError, type DmlOptions, type DmlRowError } from './dml';
import { isValidId, to18 } from './ids';

export interface LeadConvertRequest {
  leadId: string | null;
  convertedStatus: string | null;
  accountId?: string | null;
  contactId?: string | null;
  opportunityId?: string | null;
  doNotCreateOpportunity?: boolean;
  opportunityName?: string | null;
  ownerId?: string | null;
  overwriteLeadSource?: boolean;
  sendNotificationEmail?: boolean;
}

export interface LeadConvertOutcome {
  success: boolean;
  leadId: string | null;
  contactId: string | null;
  accountId: string | null;
  opportunityId: string | null;
  errors: DmlRowError[];
}

const CONTACT_FROM_LEAD: [string, string][] = [
  ['Salutation', 'Salutation'],
  ['FirstName', 'FirstName'],
  ['MiddleName', 'MiddleName'],
  ['LastName', 'LastName'],
  ['Suffix', 'Suffix'],
  ['Title', 'Title'],
  ['Email', 'Email'],
  ['Phone', 'Phone'],
  ['MobilePhone', 'MobilePhone'],
  ['Fax', 'Fax'],
  ['Description', 'Description'],
  ['LeadSource', 'LeadSource'],
  ['DoNotCall', 'DoNotCall'],
  ['HasOptedOutOfEmail', 'HasOptedOutOfEmail'],
  ['HasOptedOutOfFax', 'HasOptedOutOfFax'],
  ['Street', 'MailingStreet'],
  ['City', 'MailingCity'],
  ['State', 'MailingState'],
  ['PostalCode', 'MailingPostalCode'],
  ['Country', 'MailingCountry'],
];

const ACCOUNT_FROM_LEAD: [string, string][] = [
  ['Company', 'Name'],
  ['Street', 'BillingStreet'],
  ['City', 'BillingCity'],
  ['State', 'BillingState'],
  ['PostalCode', 'BillingPostalCode'],
  ['Country', 'BillingCountry'],
  ['Phone', 'Phone'],
  ['Website', 'Website'],
  ['Industry', 'Industry'],
  ['AnnualRevenue', 'AnnualRevenue'],
  ['NumberOfEmployees', 'NumberOfEmployees'],
];

function failure(
  request: LeadConvertRequest,
  statusCode: string,
  message: string,
  fields: string[] = []
): LeadConvertOutcome {
  return {
    success: false,
    leadId: request.leadId,
    contactId: null,
    accountId: null,
    opportunityId: null,
    errors: [{ statusCode, message, fields }],
  };
}

/**
 * Converts each request (allOrNone: the first failure throws System.DmlException and undoes
 * the whole call). `today` is the conversion date in the running user's time zone.
 */
export function convertLeads(
  db: Database,
  requests: LeadConvertRequest[],
  options: DmlOptions,
  today: ApexDate
): LeadConvertOutcome[] {
  const mark = db.mark();
  const outcomes: LeadConvertOutcome[] = [];
  for (const request of requests) {
    const inner = db.mark();
    let outcome: LeadConvertOutcome;
    try {
      outcome = convertOne(db, request, options, today);
    } catch (e) {
      if (e instanceof DmlError) {
        outcome = failure(
          request,
          e.dmlErrors[0]?.statusCode ?? 'UNKNOWN_EXCEPTION',
          e.dmlErrors[0]?.message ?? e.message,
          e.dmlErrors[0]?.fields ?? []
        );
      } else {
        db.undoTo(mark);
        throw e;
      }
    }
    if (!outcome.success) {
      db.undoTo(inner);
      if (options.allOrNone) {
        db.undoTo(mark);
        // A failed outcome (see failure) always carries its error.
        const e = outcome.errors[0]!;
        throw new DmlError(
          `ConvertLead failed. First exception on row ${outcomes.length}; first error: ${e.statusCode}, ${e.message}: [${e.fields.join(', ')}]`,
          [{ index: outcomes.length, id: request.leadId, ...e }],
          [],
          requests.length
        );
      }
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

function convertOne(
  db: Database,
  request: LeadConvertRequest,
  options: DmlOptions,
  today: ApexDate
): LeadConvertOutcome {
  const strict: DmlOptions = { ...options, allOrNone: true };
  if (!request.leadId || !isValidId(request.leadId)) {
    return failure(request, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
  }
  const leadId = to18(request.leadId);
  const lead = db.getLive(leadId);
  if (!lead || lead.type !== 'Lead') {
    return failure(request, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
  }
  if (options.access.enforceSharing && !db.security.canEdit(options.access.userId, lead)) {
    return failure(
      request,
      'INSUFFICIENT_ACCESS_OR_READONLY',
      'insufficient access rights on object id'
    );
  }
  if (lead.get('IsConverted') === true) {
    return failure(
      request,
      'CANNOT_UPDATE_CONVERTED_LEAD',
      `This lead was already converted to the contact ${String(lead.get('ConvertedContactId'))} on ${String(lead.get('ConvertedDate'))}.`
    );
  }
  const status = request.convertedStatus;
  const statusRow = status
    ? db
        .rows('LeadStatus')
        .find(
          (r) =>
            String(r.get('MasterLabel')).toLowerCase() === status.toLowerCase() ||
            String(r.get('ApiName')).toLowerCase() === status.toLowerCase()
        )
    : undefined;
  if (!statusRow || statusRow.get('IsConverted') !== true) {
    return failure(request, 'INVALID_STATUS', `invalid convertedStatus: ${status ?? ''}`);
  }
  const ownerId = request.ownerId ? to18(request.ownerId) : (lead.get('OwnerId') as string | null);
  // Account.
  let accountId: string | null = null;
  if (request.accountId) {
    const account = db.getLive(request.accountId);
    if (!account || account.type !== 'Account') {
      return failure(request, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [
        'AccountId',
      ]);
    }
    accountId = account.get('Id') as string;
  }
  let contactId: string | null = null;
  if (request.contactId) {
    const contact = db.getLive(request.contactId);
    if (!contact || contact.type !== 'Contact') {
      return failure(request, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [
        'ContactId',
      ]);
    }
    contactId = contact.get('Id') as string;
    const contactAccount = contact.get('AccountId') as string | null;
    if (accountId && contactAccount && contactAccount !== accountId) {
      return failure(
        request,
        'INVALID_CROSS_REFERENCE_KEY',
        'The contact is not associated with the specified account.',
        ['ContactId']
      );
    }
    accountId = accountId ?? contactAccount;
  }
  if (!accountId) {
    const account = new SObjectValue('Account');
    copyFields(lead, account, ACCOUNT_FROM_LEAD);
    account.set('OwnerId', ownerId);
    db.insert([account], strict);
    accountId = account.get('Id') as string;
  }
  if (!contactId) {
    const contact = new SObjectValue('Contact');
    copyFields(lead, contact, CONTACT_FROM_LEAD);
    contact.set('AccountId', accountId);
    contact.set('OwnerId', ownerId);
    db.insert([contact], strict);
    contactId = contact.get('Id') as string;
  } else if (request.overwriteLeadSource && lead.get('LeadSource') !== null) {
    const contact = new SObjectValue('Contact');
    contact.set('Id', contactId);
    contact.set('LeadSource', lead.get('LeadSource'));
    db.update([contact], strict);
  }
  let opportunityId: string | null = null;
  if (request.opportunityId) {
    opportunityId = to18(request.opportunityId);
  } else if (!request.doNotCreateOpportunity) {
    const opp = new SObjectValue('Opportunity');
    opp.set('Name', request.opportunityName ?? `${String(lead.get('Company') ?? '')}-`);
    opp.set('AccountId', accountId);
    opp.set('StageName', 'Prospecting');
    opp.set('CloseDate', today);
    opp.set('OwnerId', ownerId);
    opp.set('LeadSource', lead.get('LeadSource'));
    db.insert([opp], strict);
    opportunityId = opp.get('Id') as string;
  }
  const change = new SObjectValue('Lead');
  change.set('Id', leadId);
  change.set('IsConverted', true);
  change.set('Status', statusRow.get('ApiName') as ApexValue);
  change.set('ConvertedAccountId', accountId);
  change.set('ConvertedContactId', contactId);
  change.set('ConvertedOpportunityId', opportunityId);
  change.set('ConvertedDate', today);
  if (ownerId) {
    change.set('OwnerId', ownerId);
  }
  db.update([change], {
    ...strict,
    writeReadOnly: true,
    access: { ...options.access, mode: 'system' },
  });
  // Activities of the lead follow the contact.
  for (const objectName of ['Task', 'Event']) {
    for (const row of db.rows(objectName)) {
      if (row.get('WhoId') === leadId) {
        db.patchRaw(row.get('Id') as string, {
          WhoId: contactId,
          WhatId: row.get('WhatId') ?? opportunityId ?? accountId,
          AccountId: accountId,
        });
      }
    }
  }
  return { success: true, leadId, contactId, accountId, opportunityId, errors: [] };
}

function copyFields(from: SObjectValue, to: SObjectValue, map: [string, string][]): void {
  for (const [source, target] of map) {
    const v = from.get(source);
    if (v !== null) {
      to.set(target, v);
    }
  }
}
