/**
 * The RFM grid, as data. It follows Shopify's published RFM groups (Shopify Help Center, "RFM
 * customer analysis"; Admin API enum `CustomerRfmGroup`):
 * - each customer gets a recency score R, a frequency score F (number of orders) and a monetary
 *   score M (total spent), 1–5 by quintile among the store's own buyers (5 = top 20 %);
 * - the group is read from R and FM = (F + M) / 2, so spend counts as much as the number of orders;
 * - the eleven groups and their meaning are Shopify's, quoted in `meaning` below.
 * Shopify publishes the meaning of each group, not a table of boundaries, so the boundaries are
 * our reading of those words: "very recent" is R5, "recent" R3–4 (R4–5 where the words are the
 * same as a group at R3), "without recent purchases" R1–2; "many orders and the most spend" /
 * "a very strong history" is FM 4–5, "a strong history" FM 2.5–3.5, "some orders, moderate
 * spend" FM 2.5–3.5, "few orders, low spend" FM 1–2.
 *
 *          FM 1–2         FM 2.5–3.5        FM 4–5
 *   R5     New            Active            Champions
 *   R4     Promising      Active            Loyal
 *   R3     Promising      Needs attention   Loyal
 *   R2     Almost lost    At risk           Previously loyal
 *   R1     Dormant        At risk           Previously loyal
 *
 * Customers without an order are Prospects, outside the grid. One rule of our own: a single order
 * is F1 whatever its quintile (one order is not a habit, however many one-time buyers there are).
 * tests/lib/insights/rfm.test.ts checks that the cells cover all 125 (R, F, M) without overlap and
 * holds a table of cases for every group.
 */

export const RFM_GRID = [
  { group: 'champions', name: 'Champions', r: [5, 5], fm: [4, 5], meaning: 'Customers with very recent purchases, many orders, and the most spend.' },
  { group: 'loyal', name: 'Loyal', r: [3, 4], fm: [4, 5], meaning: 'Customers with recent purchases, many orders, and the most spend.' },
  { group: 'active', name: 'Active', r: [4, 5], fm: [2.5, 3.5], meaning: 'Customers with recent purchases, some orders, and moderate spend.' },
  { group: 'promising', name: 'Promising', r: [3, 4], fm: [1, 2], meaning: 'Customers with recent purchases, few orders, and low spend.' },
  { group: 'new', name: 'New', r: [5, 5], fm: [1, 2], meaning: 'Customers with very recent purchases, few orders, and low spend.' },
  { group: 'needs_attention', name: 'Needs attention', r: [3, 3], fm: [2.5, 3.5], meaning: 'Customers with recent purchases, some orders, and moderate spend.' },
  { group: 'at_risk', name: 'At risk', r: [1, 2], fm: [2.5, 3.5], meaning: 'Customers without recent purchases, but with a strong history of orders and spend.' },
  { group: 'previously_loyal', name: 'Previously loyal', r: [1, 2], fm: [4, 5], meaning: 'Customers without recent purchases, but with a very strong history of orders and spend.' },
  { group: 'almost_lost', name: 'Almost lost', r: [2, 2], fm: [1, 2], meaning: 'Customers without recent purchases, fewer orders, and with lower spend.' },
  { group: 'dormant', name: 'Dormant', r: [1, 1], fm: [1, 2], meaning: 'Customers without recent orders, with infrequent orders, and with low spend.' },
] as const;

export const PROSPECTS = { group: 'prospects', name: 'Prospects', meaning: 'Customers with no orders yet.' } as const;
