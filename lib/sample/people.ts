import type { Channel, InteractionKind } from '../model/records';

/**
 * The sample business: a small German furniture-and-homeware wholesaler's customers. Kept as
 * data so the generator stays short and the demo people are easy to find.
 */

/** How often someone ordered over the last twelve months. */
export type Rhythm = 'frequent' | 'regular' | 'occasional' | 'once' | 'lapsed' | 'prospect';

export interface SampleCompany {
  key: string;
  name: string;
  domain: string;
}

export interface SamplePerson {
  name: string;
  emails: readonly [string, ...string[]];
  company: string | null;
  rhythm: Rhythm;
  /** Exact order count, where the demo depends on it; otherwise drawn from the rhythm. */
  orders?: number;
  /** Order totals in whole euros. */
  amount: readonly [number, number];
  channel?: Channel;
  tags?: readonly string[];
  phone?: string;
  interactions?: readonly { kind: InteractionKind; daysAgo: number; summary: string }[];
  notes?: readonly { body: string; daysAgo: number; pinned?: boolean }[];
  /** One refund of this many euros after the latest order (a returned item). */
  refund?: number;
}

/** The people the demo Gmail pages show; e2e tests import these instead of repeating strings. */
export const SAMPLE_PEOPLE = {
  maria: {
    name: 'Maria Jensen',
    email: 'maria.jensen@nordlicht-moebel.de',
    company: 'Nordlicht Möbel',
    domain: 'nordlicht-moebel.de',
    pinnedNote: 'Prefers phone calls before 11:00',
  },
  tom: { name: 'Tom Becker', email: 'tom@becker-baeckerei.de', company: 'Becker Bäckerei', domain: 'becker-baeckerei.de' },
  lena: { name: 'Lena Vogel', email: 'lena.vogel@gmail.com', company: null },
  /** The customer with an open complaint: it outranks every other next action. */
  sabine: {
    name: 'Sabine Krüger',
    email: 'sabine@cafe-sonnenschein.de',
    complaint: 'Two of the six bistro chairs arrived scratched.',
  },
  /** In the demo thread but not a customer: the "Add as customer" flow starts from them. */
  unknown: { name: 'Jonas Weber', email: 'jonas.weber@kaffeerad.de', companyGuess: 'Kaffeerad' },
  /** The demo Gmail user; never a customer. */
  self: 'owner@example-shop.com',
} as const;

export const SAMPLE_COMPANIES: readonly SampleCompany[] = [
  { key: 'nordlicht', name: SAMPLE_PEOPLE.maria.company, domain: SAMPLE_PEOPLE.maria.domain },
  { key: 'becker', name: SAMPLE_PEOPLE.tom.company, domain: SAMPLE_PEOPLE.tom.domain },
  { key: 'sonnenschein', name: 'Café Sonnenschein', domain: 'cafe-sonnenschein.de' },
  { key: 'gruenwerk', name: 'Grünwerk Gartenbau', domain: 'gruenwerk-garten.de' },
  { key: 'hafenblick', name: 'Hotel Hafenblick', domain: 'hafenblick-hotel.de' },
  { key: 'lindqvist', name: 'Atelier Lindqvist', domain: 'atelier-lindqvist.com' },
  { key: 'mueller', name: 'Müller & Söhne Schreinerei', domain: 'mueller-soehne.de' },
  { key: 'rautenberg', name: 'Studio Rautenberg', domain: 'studio-rautenberg.de' },
  { key: 'pfeffer', name: 'Kochschule Pfeffer', domain: 'kochschule-pfeffer.de' },
  { key: 'bergwerk', name: 'Bergwerk Outdoor', domain: 'bergwerk-outdoor.at' },
  { key: 'vandijk', name: 'Van Dijk Interieur', domain: 'vandijk-interieur.nl' },
  { key: 'hoffmann', name: 'Praxis Dr. Hoffmann', domain: 'praxis-hoffmann.de' },
];

export const SAMPLE_PERSONS: readonly SamplePerson[] = [
  {
    name: SAMPLE_PEOPLE.maria.name,
    emails: [SAMPLE_PEOPLE.maria.email],
    company: 'nordlicht',
    rhythm: 'frequent',
    orders: 14,
    amount: [380, 2400],
    channel: 'phone',
    tags: ['wholesale', 'key account'],
    phone: '+49 40 555 0142',
    interactions: [
      { kind: 'call', daysAgo: 6, summary: 'Spring collection: wants samples of the oak side tables.' },
      { kind: 'meeting', daysAgo: 48, summary: 'Showroom visit in Hamburg.' },
      { kind: 'feedback_positive', daysAgo: 90, summary: 'Customers love the linen cushions.' },
    ],
    notes: [
      { body: SAMPLE_PEOPLE.maria.pinnedNote, daysAgo: 200, pinned: true },
      { body: 'Delivery to the back entrance (Lieferantenzugang), not the shop front.', daysAgo: 120 },
      { body: 'Two kids, Ole and Frida; Ole starts school in August.', daysAgo: 40 },
    ],
  },
  { name: 'Jan Petersen', emails: ['jan.petersen@nordlicht-moebel.de', 'jan.petersen@gmx.de'], company: 'nordlicht', rhythm: 'occasional', amount: [120, 600] },
  {
    name: SAMPLE_PEOPLE.tom.name,
    emails: [SAMPLE_PEOPLE.tom.email],
    company: 'becker',
    rhythm: 'occasional',
    orders: 3,
    amount: [80, 250],
    interactions: [{ kind: 'email', daysAgo: 12, summary: 'Asked whether the bread baskets come in a larger size.' }],
    notes: [{ body: 'Opening a second shop in Altona in autumn.', daysAgo: 30 }],
  },
  { name: SAMPLE_PEOPLE.lena.name, emails: [SAMPLE_PEOPLE.lena.email], company: null, rhythm: 'once', orders: 1, amount: [35, 60], channel: 'email' },
  {
    name: SAMPLE_PEOPLE.sabine.name,
    emails: [SAMPLE_PEOPLE.sabine.email],
    company: 'sonnenschein',
    rhythm: 'regular',
    amount: [90, 450],
    refund: 45,
    interactions: [
      { kind: 'complaint_opened', daysAgo: 4, summary: SAMPLE_PEOPLE.sabine.complaint },
      { kind: 'call', daysAgo: 3, summary: 'Promised replacements; waiting on the carrier.' },
    ],
  },
  { name: 'Mehmet Yılmaz', emails: ['mehmet@cafe-sonnenschein.de'], company: 'sonnenschein', rhythm: 'once', amount: [60, 140] },
  { name: 'Anke Brandt', emails: ['a.brandt@gruenwerk-garten.de'], company: 'gruenwerk', rhythm: 'regular', amount: [150, 900], tags: ['outdoor'] },
  {
    name: 'Henrik Lange',
    emails: ['henrik.lange@hafenblick-hotel.de'],
    company: 'hafenblick',
    rhythm: 'frequent',
    amount: [400, 3200],
    tags: ['hospitality'],
    interactions: [{ kind: 'meeting', daysAgo: 20, summary: 'Refurbishing 12 rooms next winter; wants a quote in October.' }],
    notes: [{ body: 'Budget decisions go through the owner, Frau Lange senior.', daysAgo: 60 }],
  },
  { name: 'Petra Sommer', emails: ['empfang@hafenblick-hotel.de'], company: 'hafenblick', rhythm: 'occasional', amount: [40, 180] },
  { name: 'Ingrid Lindqvist', emails: ['ingrid@atelier-lindqvist.com'], company: 'lindqvist', rhythm: 'lapsed', amount: [200, 1200], channel: 'email' },
  { name: 'Klaus Müller', emails: ['klaus@mueller-soehne.de'], company: 'mueller', rhythm: 'regular', amount: [250, 1500], channel: 'phone' },
  {
    name: 'Julia Rautenberg',
    emails: ['julia@studio-rautenberg.de'],
    company: 'rautenberg',
    rhythm: 'occasional',
    amount: [300, 1800],
    interactions: [{ kind: 'survey_sent', daysAgo: 25, summary: 'Sent the spring survey with a 10 % voucher.' }],
  },
  { name: 'Felix Pfeffer', emails: ['felix@kochschule-pfeffer.de'], company: 'pfeffer', rhythm: 'regular', amount: [70, 320] },
  { name: 'Lukas Gruber', emails: ['lukas.gruber@bergwerk-outdoor.at'], company: 'bergwerk', rhythm: 'prospect', amount: [0, 0], interactions: [{ kind: 'email', daysAgo: 9, summary: 'Asked for the wholesale price list.' }] },
  { name: 'Sanne van Dijk', emails: ['sanne@vandijk-interieur.nl'], company: 'vandijk', rhythm: 'lapsed', amount: [500, 2600], notes: [{ body: 'Moved to a competitor after the summer delays? Ask gently.', daysAgo: 70 }] },
  { name: 'Dr. Eva Hoffmann', emails: ['eva.hoffmann@praxis-hoffmann.de'], company: 'hoffmann', rhythm: 'once', amount: [600, 1400] },
  { name: 'Niklas Wolf', emails: ['niklas.wolf@web.de'], company: null, rhythm: 'occasional', amount: [30, 150] },
  { name: 'Hannah Schulz', emails: ['hannah.schulz@gmx.de'], company: null, rhythm: 'regular', amount: [25, 120], interactions: [{ kind: 'thank_you', daysAgo: 100, summary: 'Thank-you card with the third order.' }] },
  { name: 'Emma Richter', emails: ['emma.richter@outlook.com'], company: null, rhythm: 'once', amount: [40, 200] },
  { name: 'Paul Neumann', emails: ['p.neumann@t-online.de'], company: null, rhythm: 'lapsed', amount: [60, 300], channel: 'phone' },
  { name: 'Mia Schwarz', emails: ['mia.schwarz@icloud.com'], company: null, rhythm: 'prospect', amount: [0, 0] },
  { name: 'Leon Zimmermann', emails: ['leon.zimmermann@gmail.com'], company: null, rhythm: 'frequent', amount: [20, 90], tags: ['online'] },
  { name: 'Clara Hartmann', emails: ['clara.hartmann@posteo.de'], company: null, rhythm: 'occasional', amount: [50, 260], notes: [{ body: 'Interior-design student; interested in the workshop dates.', daysAgo: 15 }] },
  { name: 'Ben Koch', emails: ['ben.koch@yahoo.de'], company: null, rhythm: 'once', amount: [90, 180], interactions: [{ kind: 'feedback_negative', daysAgo: 35, summary: 'Lamp shade smaller than the photo suggested.' }] },
  { name: 'Sophie Braun', emails: ['sophie.braun@gmail.com'], company: null, rhythm: 'regular', amount: [35, 140] },
];
