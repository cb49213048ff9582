import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { badInput } from '@rapport/errors';
import { createdAt, deletedAt, updatedAt } from '@rapport/subgraph-kit/properties';

export const ADDRESS_KINDS = ['BILLING', 'SHIPPING', 'SITE'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/** A postal address of a customer: where to bill, where to ship, or one of its sites. */
export const Address = defineEntity({
  name: 'Address',
  tableName: 'customer_address',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid(),
    kind: p.enum([...ADDRESS_KINDS]),
    street: p.text(),
    postalCode: p.text().nullable(),
    city: p.text(),
    region: p.text().nullable(),
    /** ISO 3166-1 alpha-2, upper-case. */
    country: p.string().columnType('char(2)'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Set when the address is (softly) removed; restorable. */
    deletedAt: deletedAt(),
  },
});
export type IAddress = InferEntity<typeof Address>;

/** The officially assigned ISO 3166-1 alpha-2 codes. */
const ISO_3166_ALPHA2 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
    'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
    'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
    'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
    'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** An ISO 3166-1 alpha-2 country code, upper-cased; BAD_USER_INPUT naming `field` otherwise. */
export function requireCountry(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!ISO_3166_ALPHA2.has(code)) throw badInput(field, `${field} must be an ISO 3166-1 alpha-2 country code, e.g. DE`, 'INVALID_COUNTRY');
  return code;
}
