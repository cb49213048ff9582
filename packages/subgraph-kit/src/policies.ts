import type { Principal } from '@rapport/auth';
import { definePolicy, viewerFor, type AccessPolicy } from './viewer.js';

// Every department's access to every module, in one place. The owning subgraph enforces its own
// module's policy (its `*.policy.ts` names the entry here); other subgraphs read the same table
// where they show something of another module — the customer timeline hides an entry from whoever
// the entry's module would answer FORBIDDEN. Typed over every role, so a new role must be placed.

/** Customers (customers): reps and team heads their own, other departments read. */
const customers: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped',
  SUPPORT_AGENT: 'all-read',
  WAREHOUSE_CLERK: 'all-read',
  ACCOUNTANT: 'all-read',
  BUYER: 'none',
};

/**
 * Leads (customers). Leads belong to their owner and team, not to a customer: a rep sees their own
 * leads and the unassigned ones, a team head also those of the teams they head; directors and
 * admins all; other departments none.
 */
const leads: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
  ACCOUNTANT: 'none',
};

/** Opportunities (sales): the sales department, reps and team heads their customers' only. */
const opportunities: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
  ACCOUNTANT: 'none',
};

/** Sales orders (sales): sales (reps and team heads their customers' only); the warehouse and finance read them all. */
const orders: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'all-read',
  BUYER: 'none',
  ACCOUNTANT: 'all-read',
};

/** Invoices (finance): finance all of them, sales read those of the customers it may see. */
const invoices: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  ACCOUNTANT: 'all',
  SALES_MANAGER: 'scoped-read',
  SALES_REP: 'scoped-read',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
};

/**
 * Expense claims (finance): finance, directors and admins all of them; the sales department claims
 * its own (scoped: a rep sees their own claims and the approved ones of their customers, a team head
 * also their teams' claims). Others claim nothing.
 */
const expenses: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  ACCOUNTANT: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
};

/** Payments (finance): finance records them; sales only reads what was paid, on invoices it may see. */
const payments: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  ACCOUNTANT: 'all',
  SALES_MANAGER: 'scoped-read',
  SALES_REP: 'scoped-read',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
};

/** Tickets (support): support works them all, sales those of the customers it may see. */
const tickets: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SUPPORT_AGENT: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
  ACCOUNTANT: 'none',
};

/**
 * Knowledge-base articles (support): support, directors and admins write (and see drafts and
 * archived articles when restoring them); every other signed-in user reads published articles.
 * Articles belong to no customer, so no role is scoped.
 */
const articles: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SUPPORT_AGENT: 'all',
  SALES_MANAGER: 'all-read',
  SALES_REP: 'all-read',
  WAREHOUSE_CLERK: 'all-read',
  BUYER: 'all-read',
  ACCOUNTANT: 'all-read',
};

/**
 * Shipments (inventory): the warehouse runs them; sales reads their customers' only, support and
 * finance read them all; purchasing has no business with them.
 */
const shipments: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  WAREHOUSE_CLERK: 'all',
  SALES_MANAGER: 'scoped-read',
  SALES_REP: 'scoped-read',
  SUPPORT_AGENT: 'all-read',
  ACCOUNTANT: 'all-read',
  BUYER: 'none',
};

/** Products (inventory): the warehouse keeps the catalogue; everyone else reads it. Products belong to no customer. */
const products: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  WAREHOUSE_CLERK: 'all',
  SALES_MANAGER: 'all-read',
  SALES_REP: 'all-read',
  SUPPORT_AGENT: 'all-read',
  BUYER: 'all-read',
  ACCOUNTANT: 'all-read',
};

/**
 * Stock (inventory): warehouses, stock levels, the ledger of moves, reservations and safety alarms.
 * The warehouse keeps them; every other department reads availability (sales promises delivery
 * dates, purchasing reorders, finance values stock). Stock belongs to no customer.
 */
const stock: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  WAREHOUSE_CLERK: 'all',
  SALES_MANAGER: 'all-read',
  SALES_REP: 'all-read',
  SUPPORT_AGENT: 'all-read',
  BUYER: 'all-read',
  ACCOUNTANT: 'all-read',
};

/**
 * Costs (inventory): a product's standard cost, the unit cost of each stock move and the value of
 * stock. The warehouse sets them, purchasing and finance read them; sales and support see prices
 * and availability but no costs (so no margins).
 */
const costs: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  WAREHOUSE_CLERK: 'all',
  BUYER: 'all-read',
  ACCOUNTANT: 'all-read',
  SALES_MANAGER: 'none',
  SALES_REP: 'none',
  SUPPORT_AGENT: 'none',
};

/**
 * Prices beyond cost: what customers are charged (a product's list price, sales orders' unit prices,
 * line and order totals, taxes and last prices) and what suppliers are paid (the agreed unit price of
 * a purchase order line the warehouse expects). Whoever has no access here reads them as null (as
 * costs are hidden from sales): the warehouse sees costs and stock value, so no sales prices and no
 * margins; every other department reads them. Writing a price stays with the record's own policy
 * (the warehouse still sets a new product's list price).
 */
const prices: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SALES_MANAGER: 'all-read',
  SALES_REP: 'all-read',
  SUPPORT_AGENT: 'all-read',
  BUYER: 'all-read',
  ACCOUNTANT: 'all-read',
  WAREHOUSE_CLERK: 'none',
};

/**
 * The stock ledger check (inventory): whether every level is the sum of its moves and reservations,
 * and the rebuild of levels from the ledger. An operator's tool: administrators only.
 */
const stockLedger: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'none',
  SALES_MANAGER: 'none',
  SALES_REP: 'none',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
  ACCOUNTANT: 'none',
};

/**
 * Suppliers (purchasing): purchasing manages them, finance and the warehouse read them, sales and
 * support have no business with them. Suppliers belong to no customer, so nothing is scoped.
 */
const suppliers: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  BUYER: 'all',
  ACCOUNTANT: 'all-read',
  WAREHOUSE_CLERK: 'all-read',
  SALES_MANAGER: 'none',
  SALES_REP: 'none',
  SUPPORT_AGENT: 'none',
};

/**
 * Users and teams (identity): every signed-in user reads them (who is who, which team); only
 * administrators create and change them. Nothing is scoped: users belong to no customer.
 */
const users: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all-read',
  SALES_MANAGER: 'all-read',
  SALES_REP: 'all-read',
  SUPPORT_AGENT: 'all-read',
  WAREHOUSE_CLERK: 'all-read',
  BUYER: 'all-read',
  ACCOUNTANT: 'all-read',
};

/**
 * SLA targets (support): whoever may see tickets reads them (a ticket's clock follows them); only
 * administrators set them.
 */
const slaTargets: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all-read',
  SUPPORT_AGENT: 'all-read',
  SALES_MANAGER: 'all-read',
  SALES_REP: 'all-read',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
  ACCOUNTANT: 'none',
};

/**
 * Discount limits (sales): the maximum line and total discount and the margin floor per role and
 * per user. Directors and admins set them; the sales department reads them (a rep sees the limits
 * that apply to them and to their colleagues, no margins or costs); other departments none.
 */
const discountLimits: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SALES_MANAGER: 'all-read',
  SALES_REP: 'all-read',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
  ACCOUNTANT: 'none',
};

/**
 * Purchase orders, reorder suggestions and supplier prices (purchasing): buyers (and the purchasing
 * head) run them; directors and admins too; finance reads them to match bills, the warehouse reads
 * them to receive against; sales and support have no business with them.
 */
const purchaseOrders: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  BUYER: 'all',
  ACCOUNTANT: 'all-read',
  WAREHOUSE_CLERK: 'all-read',
  SALES_MANAGER: 'none',
  SALES_REP: 'none',
  SUPPORT_AGENT: 'none',
};

/** Supplier bills (purchasing): buyers and finance register and match them; nobody else sees them. */
const supplierBills: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  BUYER: 'all',
  ACCOUNTANT: 'all',
  WAREHOUSE_CLERK: 'none',
  SALES_MANAGER: 'none',
  SALES_REP: 'none',
  SUPPORT_AGENT: 'none',
};

/** Supplier payments (purchasing): finance pays; buyers read what was paid; nobody else sees them. */
const supplierPayments: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  ACCOUNTANT: 'all',
  BUYER: 'all-read',
  WAREHOUSE_CLERK: 'none',
  SALES_MANAGER: 'none',
  SALES_REP: 'none',
  SUPPORT_AGENT: 'none',
};

/**
 * Every module's access policy by module name. Activities, documents, contacts and addresses
 * follow their customer, so they share the customers table; quotations are the sales department's
 * as opportunities are, so they share the opportunities table.
 */
/** The company profile (identity): the letterhead of every printed document; everyone reads it, administrators change it. */
const companyProfile: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all-read',
  SALES_MANAGER: 'all-read',
  SALES_REP: 'all-read',
  SUPPORT_AGENT: 'all-read',
  WAREHOUSE_CLERK: 'all-read',
  BUYER: 'all-read',
  ACCOUNTANT: 'all-read',
};

/**
 * Pipelines and their stages (sales): admins and sales managers set them up; the rest of sales and
 * directors read them (opportunities stand in them). They belong to no customer.
 */
const pipelines: AccessPolicy = {
  ADMIN: 'all',
  SALES_MANAGER: 'all',
  DIRECTOR: 'all-read',
  SALES_REP: 'all-read',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
  ACCOUNTANT: 'none',
};

/**
 * Sales targets and the sales numbers (forecast, funnel, performance, product sales): sales only.
 * A rep reads their own, a team head sets and reads those of the teams they head, directors and
 * admins all (the analytics narrow by the customers' owner and team, not by sharing).
 */
const salesNumbers: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped-read',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
  ACCOUNTANT: 'none',
};

export const POLICIES = {
  customers,
  activities: customers,
  documents: customers,
  contacts: customers,
  addresses: customers,
  leads,
  opportunities,
  quotations: opportunities,
  orders,
  invoices,
  payments,
  expenses,
  tickets,
  articles,
  shipments,
  products,
  stock,
  costs,
  prices,
  stockLedger,
  suppliers,
  users,
  teams: users,
  slaTargets,
  discountLimits,
  companyProfile,
  purchaseOrders,
  supplierBills,
  supplierPayments,
  pipelines,
  salesNumbers,
} as const satisfies Record<string, AccessPolicy>;

/** The name of a module with an access policy. */
export type PolicyModule = keyof typeof POLICIES;

export const POLICY_MODULES = Object.keys(POLICIES) as PolicyModule[];

/** Who may read prices beyond cost (`POLICIES.prices`), for the subgraphs that serve such fields. */
export const pricePolicy = definePolicy('prices', POLICIES.prices);

/**
 * Whether `principal` may read prices beyond cost: a subgraph answers a list price, a sales order's
 * prices and totals, or a purchase price the warehouse expects, as null to whoever may not (the way
 * each answers costs to those who may not see costs).
 */
export const seesPrices = (principal: Principal | null): boolean => viewerFor(principal, pricePolicy, 'lookup') !== null;

/** The modules whose records the caller may read at all (a `lookup` viewer, FORBIDDEN in none of them); none without a caller. */
export function readableModules(principal: Principal | null): PolicyModule[] {
  return POLICY_MODULES.filter((module) => viewerFor(principal, definePolicy(module, POLICIES[module]), 'lookup') !== null);
}
