/** Limits of the genogram document. Every cap is named here so that it is tuned in one place. */

/** Most people one household outline may hold; a household is a home, not a register. */
export const MAX_HOUSEHOLD_MEMBERS = 100;

/** Largest absolute drawing coordinate accepted for a position, so a crafted update cannot push a node to infinity. */
export const MAX_COORDINATE = 1_000_000;

/** Most relationships a genogram document is read with; beyond this the rest are ignored rather than drawn. */
export const MAX_RELATIONSHIPS = 5_000;

/** Most households a genogram document is read with. */
export const MAX_HOUSEHOLDS = 200;
