import { randomBytes, randomUUID } from 'node:crypto';
import { startTestSubgraph, testToken, type EventCoverage, onlyEvent, type MutationCaseEntry, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { describeEventCoverage } from '@rapport/subgraph-kit/event-coverage-suite';
import { afterAll, beforeAll, expect } from 'vitest';
import { createCustomersService } from './create-customers-service.js';

let subgraph: TestSubgraph;
const owner = randomUUID();
const teamId = randomUUID();
const head = { userId: randomUUID(), role: 'SALES_MANAGER' as const, teamIds: [teamId] };

/** Every audited entity of customers and the aggregate its events name. */
const coverage: EventCoverage = {
  Customer: { keys: ['id'] },
  Contact: { keys: ['id', 'customerId'] },
  Address: { keys: ['id', 'customerId'] },
  Activity: { keys: ['id', 'customerId'] },
  Document: { keys: ['id', 'customerId'] },
  Lead: { keys: ['id'] },
  ImportJob: { internal: "the import's own progress report; the customers it writes are announced" },
  TimelineEntry: { internal: 'a read model of other events' },
};

const gql = <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => subgraph.must<T>(query, variables);
const createCustomer = async (name: string, email?: string): Promise<string> =>
  (
    await gql<{ createCustomer: { id: string } }>('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
      input: { name, kind: 'COMPANY', ownerId: owner, teamId, ...(email ? { email } : {}) },
    })
  ).createCustomer.id;
const addContact = async (customerId: string, name: string): Promise<string> =>
  (await gql<{ addContact: { id: string } }>('mutation($input: AddContactInput!) { addContact(input: $input) { id } }', { input: { customerId, name, primary: true } })).addContact
    .id;
const addAddress = async (customerId: string): Promise<string> =>
  (
    await gql<{ addAddress: { id: string } }>('mutation($input: AddAddressInput!) { addAddress(input: $input) { id } }', {
      input: { customerId, kind: 'BILLING', street: '1 Quay Street', city: 'Bergen', country: 'NO' },
    })
  ).addAddress.id;
const logActivity = async (customerId: string): Promise<string> =>
  (
    await gql<{ logActivity: { id: string } }>('mutation($input: LogActivityInput!) { logActivity(input: $input) { id } }', {
      input: { customerId, kind: 'CALL', subject: 'Seal kits', nextStep: 'Send the quotation', nextStepDue: '2026-12-20' },
    })
  ).logActivity.id;
const captureLead = async (name: string): Promise<string> =>
  (
    await gql<{ captureLead: { id: string } }>('mutation($input: CaptureLeadInput!) { captureLead(input: $input) { id } }', {
      input: { name, company: `${name} AS`, email: 'lead@leads.example' },
    })
  ).captureLead.id;
async function uploadDocument(customerId: string): Promise<string> {
  const response = await fetch(`${subgraph.service.url}/documents?${new URLSearchParams({ customerId, kind: 'OTHER', fileName: 'spec.pdf' })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', authorization: `Bearer ${await testToken()}` },
    body: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(100)]),
  });
  const body = (await response.json()) as { document: { id: string } };
  return body.document.id;
}

let customerId = '';
let otherId = '';
let contactId = '';
let addressId = '';
let activityId = '';
let documentId = '';
let leadId = '';
const userId = randomUUID();
/** One case per Mutation field: a new field fails the first test until it is listed here. */
const cases: Record<string, MutationCaseEntry> = {
  createCustomer: {
    run: async (call) => void (await call('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { name: 'Created AS', kind: 'COMPANY' } })),
    announces: ['customers.customer.created.v1'],
  },
  updateCustomer: {
    run: async (call) => {
      customerId = await createCustomer('Updated AS');
      await call('mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }', {
        input: { id: customerId, name: 'Updated Marine AS', tier: 'A', tags: ['Fleet'], industry: null },
      });
    },
    announces: ['customers.customer.updated.v1'],
    check: (events) => {
      const event = onlyEvent(events, 'customers.customer.updated.v1');
      expect(event).toMatchObject({ topic: 'customers.customer', subject: customerId });
      expect(event.data).toEqual({
        customerId,
        changedFields: ['name', 'tier', 'tags'],
        customer: {
          name: 'Updated Marine AS',
          kind: 'COMPANY',
          lifecycleState: 'PROSPECT',
          email: null,
          phone: null,
          industry: null,
          source: null,
          tier: 'A',
          tags: ['fleet'],
          taxId: null,
        },
        updatedAt: expect.any(String),
      });
    },
  },
  transferCustomer: {
    run: async (call) => {
      customerId = await createCustomer('Transferred AS');
      await call('mutation($input: TransferCustomerInput!) { transferCustomer(input: $input) { id } }', { input: { customerId, toOwnerId: randomUUID() } });
    },
    announces: ['customers.customer.transferred.v1'],
  },
  shareCustomer: {
    run: async (call) => {
      customerId = await createCustomer('Shared AS');
      await call('mutation($input: ShareCustomerInput!) { shareCustomer(input: $input) { id } }', { input: { customerId, userId } });
    },
    announces: ['customers.customer.shared.v1'],
  },
  unshareCustomer: {
    run: async (call) => {
      customerId = await createCustomer('Unshared AS');
      await gql('mutation($input: ShareCustomerInput!) { shareCustomer(input: $input) { id } }', { input: { customerId, userId } });
      await call('mutation($input: ShareCustomerInput!) { unshareCustomer(input: $input) { id } }', { input: { customerId, userId } });
    },
    announces: ['customers.customer.unshared.v1'],
  },
  deleteCustomer: {
    run: async (call) => {
      customerId = await createCustomer('Deleted AS');
      await call('mutation($id: ID!) { deleteCustomer(id: $id) { id } }', { id: customerId });
    },
    announces: ['customers.customer.deleted.v1'],
    check: (events) =>
      expect(events.find((e) => e.type === 'customers.customer.deleted.v1')).toMatchObject({ subject: customerId, data: { customerId, deletedAt: expect.any(String) } }),
  },
  restoreCustomer: {
    run: async (call) => {
      customerId = await createCustomer('Restored AS');
      await gql('mutation($id: ID!) { deleteCustomer(id: $id) { id } }', { id: customerId });
      await call('mutation($id: ID!) { restoreCustomer(id: $id) { id } }', { id: customerId });
    },
    announces: ['customers.customer.restored.v1'],
    check: (events) =>
      expect(events.find((e) => e.type === 'customers.customer.restored.v1')).toMatchObject({ subject: customerId, data: { customerId, restoredAt: expect.any(String) } }),
  },
  mergeCustomers: {
    run: async (call) => {
      customerId = await createCustomer('Merge Survivor AS');
      otherId = await createCustomer('Merge Survivor A/S');
      await addContact(otherId, 'Moved Contact');
      await addAddress(otherId);
      await logActivity(otherId);
      await uploadDocument(otherId);
      await call('mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m) { id } }', { s: customerId, m: otherId });
    },
    announces: ['customers.customer.merged.v1'],
  },
  addContact: {
    run: async (call) => {
      customerId = await createCustomer('Contacts AS');
      await addContact(customerId, 'Old Primary');
      contactId = (
        await call<{ addContact: { id: string } }>('mutation($input: AddContactInput!) { addContact(input: $input) { id } }', {
          input: { customerId, name: 'Kari Nordmann', title: 'Buyer', emails: ['kari@contacts.example'], phones: ['+47 55 00 11 22'], preferredChannel: 'EMAIL', primary: true },
        })
      ).addContact.id;
    },
    announces: ['customers.customer.contact-changed.v1'],
    check: (events) => {
      const event = onlyEvent(events, 'customers.customer.contact-changed.v1');
      expect(event).toMatchObject({ topic: 'customers.customer', subject: customerId });
      expect(event.data).toEqual({
        customerId,
        contactId,
        change: 'ADDED',
        contact: {
          name: 'Kari Nordmann',
          title: 'Buyer',
          emails: ['kari@contacts.example'],
          phones: ['+47 55 00 11 22'],
          preferredChannel: 'EMAIL',
          primary: true,
          deletedAt: null,
        },
        changedAt: expect.any(String),
      });
    },
  },
  updateContact: {
    run: async (call) => {
      customerId = await createCustomer('Contacts Update AS');
      contactId = await addContact(customerId, 'Ola Nordmann');
      await call('mutation($input: UpdateContactInput!) { updateContact(input: $input) { id } }', { input: { id: contactId, title: 'Head of purchasing' } });
    },
    announces: ['customers.customer.contact-changed.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'customers.customer.contact-changed.v1').data).toMatchObject({
        customerId,
        contactId,
        change: 'UPDATED',
        contact: { name: 'Ola Nordmann', title: 'Head of purchasing' },
      }),
  },
  removeContact: {
    run: async (call) => {
      customerId = await createCustomer('Contacts Remove AS');
      contactId = await addContact(customerId, 'Per Hansen');
      await call('mutation($id: ID!) { removeContact(id: $id) { id } }', { id: contactId });
    },
    announces: ['customers.customer.contact-changed.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'customers.customer.contact-changed.v1').data).toMatchObject({
        contactId,
        change: 'REMOVED',
        contact: { primary: false, deletedAt: expect.any(String) },
      }),
  },
  restoreContact: {
    run: async (call) => {
      customerId = await createCustomer('Contacts Restore AS');
      contactId = await addContact(customerId, 'Lise Berg');
      await gql('mutation($id: ID!) { removeContact(id: $id) { id } }', { id: contactId });
      await call('mutation($id: ID!) { restoreContact(id: $id) { id } }', { id: contactId });
    },
    announces: ['customers.customer.contact-changed.v1'],
    check: (events) => expect(onlyEvent(events, 'customers.customer.contact-changed.v1').data).toMatchObject({ contactId, change: 'RESTORED', contact: { deletedAt: null } }),
  },
  addAddress: {
    run: async (call) => {
      customerId = await createCustomer('Addresses AS');
      addressId = (
        await call<{ addAddress: { id: string } }>('mutation($input: AddAddressInput!) { addAddress(input: $input) { id } }', {
          input: { customerId, kind: 'SHIPPING', street: '2 Dock Road', postalCode: '5003', city: 'Bergen', country: 'NO' },
        })
      ).addAddress.id;
    },
    announces: ['customers.customer.address-changed.v1'],
    check: (events) => {
      const event = onlyEvent(events, 'customers.customer.address-changed.v1');
      expect(event).toMatchObject({ topic: 'customers.customer', subject: customerId });
      expect(event.data).toEqual({
        customerId,
        addressId,
        change: 'ADDED',
        address: { kind: 'SHIPPING', street: '2 Dock Road', postalCode: '5003', city: 'Bergen', region: null, country: 'NO', deletedAt: null },
        changedAt: expect.any(String),
      });
    },
  },
  removeAddress: {
    run: async (call) => {
      customerId = await createCustomer('Addresses Remove AS');
      addressId = await addAddress(customerId);
      await call('mutation($id: ID!) { removeAddress(id: $id) { id } }', { id: addressId });
    },
    announces: ['customers.customer.address-changed.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'customers.customer.address-changed.v1').data).toMatchObject({ addressId, change: 'REMOVED', address: { deletedAt: expect.any(String) } }),
  },
  restoreAddress: {
    run: async (call) => {
      customerId = await createCustomer('Addresses Restore AS');
      addressId = await addAddress(customerId);
      await gql('mutation($id: ID!) { removeAddress(id: $id) { id } }', { id: addressId });
      await call('mutation($id: ID!) { restoreAddress(id: $id) { id } }', { id: addressId });
    },
    announces: ['customers.customer.address-changed.v1'],
    check: (events) => expect(onlyEvent(events, 'customers.customer.address-changed.v1').data).toMatchObject({ addressId, change: 'RESTORED', address: { deletedAt: null } }),
  },
  logActivity: {
    run: async (call) => {
      customerId = await createCustomer('Activities AS');
      await call('mutation($input: LogActivityInput!) { logActivity(input: $input) { id } }', { input: { customerId, kind: 'NOTE', subject: 'Met at the fair' } });
    },
    announces: ['customers.activity.logged.v1'],
  },
  reviewActivity: {
    run: async (call) => {
      customerId = await createCustomer('Activities Review AS');
      activityId = await logActivity(customerId);
      await call('mutation($id: ID!) { reviewActivity(id: $id, decision: REJECTED, comment: "Log the outcome") { id } }', { id: activityId }, head);
    },
    announces: ['customers.activity.reviewed.v1'],
    check: (events) => {
      const event = onlyEvent(events, 'customers.activity.reviewed.v1');
      expect(event).toMatchObject({ topic: 'customers.activity', subject: activityId });
      expect(event.data).toEqual({ activityId, customerId, status: 'REJECTED', reviewerId: head.userId, comment: 'Log the outcome', reviewedAt: expect.any(String) });
    },
  },
  completeFollowUp: {
    run: async (call) => {
      customerId = await createCustomer('Activities Follow-up AS');
      activityId = await logActivity(customerId);
      await call('mutation($id: ID!) { completeFollowUp(id: $id) { id } }', { id: activityId }, head);
    },
    announces: ['customers.activity.follow-up-completed.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'customers.activity.follow-up-completed.v1').data).toEqual({
        activityId,
        customerId,
        nextStep: 'Send the quotation',
        doneBy: head.userId,
        doneAt: expect.any(String),
      }),
  },
  updateDocument: {
    run: async (call) => {
      customerId = await createCustomer('Documents AS');
      documentId = await uploadDocument(customerId);
      await call('mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { id } }', {
        input: { id: documentId, kind: 'CONTRACT', description: 'Frame contract 2027' },
      });
    },
    announces: ['customers.document.updated.v1'],
    check: (events) => {
      const event = onlyEvent(events, 'customers.document.updated.v1');
      expect(event).toMatchObject({ topic: 'customers.document', subject: documentId });
      expect(event.data).toEqual({ documentId, customerId, kind: 'CONTRACT', fileName: 'spec.pdf', description: 'Frame contract 2027', changedFields: ['kind', 'description'] });
    },
  },
  deleteDocument: {
    run: async (call) => {
      customerId = await createCustomer('Documents Delete AS');
      documentId = await uploadDocument(customerId);
      await call('mutation($id: ID!) { deleteDocument(id: $id) { id } }', { id: documentId });
    },
    announces: ['customers.document.deleted.v1'],
    check: (events) => expect(onlyEvent(events, 'customers.document.deleted.v1').data).toEqual({ documentId, customerId, deletedAt: expect.any(String) }),
  },
  importCustomers: {
    run: async (call) => {
      customerId = await createCustomer('Existing Import AS', 'post@existing-import.example');
      await call('mutation($input: ImportCustomersInput!) { importCustomers(input: $input) { id } }', {
        input: {
          csv: 'Company,Email,Phone,City,Country,Contact\nHurtig Import AS,post@hurtig-import.example,,Bergen,NO,\nExisting Import AS,post@existing-import.example,+47 22 00 00 00,Oslo,NO,Ida Import\n',
          mapping: [
            { column: 'Company', field: 'NAME' },
            { column: 'Email', field: 'EMAIL' },
            { column: 'Phone', field: 'PHONE' },
            { column: 'City', field: 'CITY' },
            { column: 'Country', field: 'COUNTRY' },
            { column: 'Contact', field: 'CONTACT_NAME' },
          ],
          dryRun: false,
          duplicates: 'MERGE',
          mode: 'PER_ROW',
        },
      });
    },
    announces: ['customers.customer.created.v1', 'customers.customer.updated.v1', 'customers.customer.contact-changed.v1', 'customers.customer.address-changed.v1'],
    check: (events) => {
      expect(onlyEvent(events, 'customers.customer.updated.v1')).toMatchObject({
        subject: customerId,
        data: { customerId, changedFields: ['phone'], customer: { name: 'Existing Import AS', email: 'post@existing-import.example', phone: '+47 22 00 00 00' } },
      });
      expect(onlyEvent(events, 'customers.customer.contact-changed.v1').data).toMatchObject({ customerId, change: 'ADDED', contact: { name: 'Ida Import', primary: true } });
      expect(onlyEvent(events, 'customers.customer.address-changed.v1').data).toMatchObject({
        customerId,
        change: 'ADDED',
        address: { kind: 'BILLING', city: 'Oslo', country: 'NO' },
      });
    },
  },
  captureLead: {
    run: async (call) => {
      leadId = (
        await call<{ captureLead: { id: string } }>('mutation($input: CaptureLeadInput!) { captureLead(input: $input) { id } }', {
          input: { name: 'Lena Lead', company: 'Lead Marine AS', email: 'Lena@Lead-Marine.example', phone: '+47 900 00 000', source: 'REFERRAL', ownerId: owner },
        })
      ).captureLead.id;
    },
    announces: ['customers.lead.captured.v1'],
    check: (events) => {
      const event = onlyEvent(events, 'customers.lead.captured.v1');
      expect(event).toMatchObject({ topic: 'customers.lead', subject: leadId });
      expect(event.data).toEqual({
        leadId,
        name: 'Lena Lead',
        company: 'Lead Marine AS',
        email: 'lena@lead-marine.example',
        phone: '+47 900 00 000',
        source: 'REFERRAL',
        ownerId: owner,
        fromWebForm: false,
        capturedAt: expect.any(String),
      });
    },
  },
  submitLeadForm: {
    run: async (call) => {
      await call('mutation($input: LeadFormInput!) { submitLeadForm(input: $input) { received } }', {
        input: { name: 'Web Visitor', email: 'visitor@web.example', message: 'Call me' },
      });
    },
    announces: ['customers.lead.captured.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'customers.lead.captured.v1').data).toMatchObject({
        name: 'Web Visitor',
        email: 'visitor@web.example',
        source: 'WEBSITE',
        ownerId: null,
        fromWebForm: true,
      }),
  },
  qualifyLead: {
    run: async (call) => {
      leadId = await captureLead('Quinn Qualified');
      await call('mutation($id: ID!) { qualifyLead(id: $id) { id } }', { id: leadId });
    },
    announces: ['customers.lead.qualified.v1'],
    check: (events) => expect(onlyEvent(events, 'customers.lead.qualified.v1')).toMatchObject({ subject: leadId, data: { leadId, qualifiedAt: expect.any(String) } }),
  },
  disqualifyLead: {
    run: async (call) => {
      leadId = await captureLead('Dana Disqualified');
      await call('mutation($id: ID!) { disqualifyLead(id: $id, reason: "No budget") { id } }', { id: leadId });
    },
    announces: ['customers.lead.disqualified.v1'],
    check: (events) => expect(onlyEvent(events, 'customers.lead.disqualified.v1').data).toEqual({ leadId, reason: 'No budget', disqualifiedAt: expect.any(String) }),
  },
  convertLead: {
    run: async (call) => {
      leadId = await captureLead('Conny Converted');
      await gql('mutation($id: ID!) { qualifyLead(id: $id) { id } }', { id: leadId });
      await call('mutation($id: ID!) { convertLead(id: $id, input: { customerKind: COMPANY }) { id } }', { id: leadId });
    },
    announces: ['customers.customer.created.v1', 'customers.lead.converted.v1'],
  },
};

beforeAll(async () => {
  subgraph = await startTestSubgraph('customers', createCustomersService);
});
afterAll(async () => subgraph?.stop());

describeEventCoverage('customers', () => subgraph, coverage, cases);
