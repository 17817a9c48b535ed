/** The demo business: a small coffee roaster that sells online and wholesale. */
export const DEMO_BUSINESS = { name: 'Harbor & Pine Coffee Roasters', currency: 'USD', locale: 'en-US' };

export const FIRST_NAMES = [
  'Aria',
  'Noah',
  'Emma',
  'Liam',
  'Olivia',
  'Mateo',
  'Chloe',
  'Ethan',
  'Isabella',
  'Kwame',
  'Priya',
  'Lucas',
  'Mia',
  'Theo',
  'Sofia',
  'Ezra',
  'Hana',
  'Omar',
  'Grace',
  'Diego',
  'Nora',
  'Samuel',
  'Leila',
  'Jonah',
] as const;

export const LAST_NAMES = [
  'Dubois',
  'Nelson',
  'Allen',
  'Torres',
  'Crockett',
  'Fitzgerald',
  'Sargent',
  'Roberts',
  'Park',
  'Patel',
  'Lindqvist',
  'Okafor',
  'Haddad',
  'Moreau',
  'Nakamura',
  'Silva',
  'Brennan',
  'Cohen',
  'Ruiz',
  'Walsh',
] as const;

export const CITIES = [
  ['Portland', 'Maine'],
  ['Boston', 'Massachusetts'],
  ['Bangor', 'Maine'],
  ['Bath', 'Maine'],
  ['Portsmouth', 'New Hampshire'],
  ['Burlington', 'Vermont'],
  ['Providence', 'Rhode Island'],
] as const;

export const COMPANIES = [
  'Pemaquid Coffee House',
  'Pine Needle Bistro',
  'Casco Bay Bakery',
  'Old Port Provisions',
  'Tidewater Cafe',
  'Granite State Grocers',
  'Lighthouse Deli',
  'Back Cove Books & Coffee',
  'Fore Street Kitchen',
  'Mill Pond Market',
  'Juniper Street Cafe',
  'Anchor & Oar Tavern',
  'Saltmarsh Kitchen',
  'Northwind Hotel',
  'Copper Kettle Diner',
  'Driftwood Bakehouse',
  'Bayside Office Park',
  'Cedar Lane Grocers',
  'Harbor View Inn',
  'Maple & Main Deli',
  'Kennebec Coffee Bar',
  'Wharf Street Books',
  'Penobscot Provisions',
  'Camden Harbor Cafe',
  'Rockland Roast House',
] as const;

/**
 * The demo's campaigns in launch order. `quality` (0–1) sets how likely their leads are to be rated well and
 * won, so the campaign table shows that followers are not buyers; `discountCode` is printed on their posts
 * and mails and turns up on orders.
 */
export const DEMO_CAMPAIGNS = [
  {
    code: 'spring-newsletter',
    name: 'Spring newsletter',
    channel: 'email',
    objective: 'sales',
    budget: 300_00,
    message: 'Spring single-origins, roasted this week',
    quality: 0.55,
    discountCode: 'SPRING15',
  },
  {
    code: 'insta-launch',
    name: 'Instagram launch',
    channel: 'social',
    objective: 'awareness',
    budget: 1_200_00,
    message: 'Small-batch coffee from the Maine coast',
    quality: 0.25,
    discountCode: 'INSTA10',
  },
  {
    code: 'fb-retarget',
    name: 'Facebook retargeting',
    channel: 'ads',
    objective: 'sales',
    budget: 2_500_00,
    message: 'Your first bag ships free',
    quality: 0.3,
    discountCode: 'FIRSTBAG',
  },
  {
    code: 'linkedin-wholesale',
    name: 'LinkedIn wholesale',
    channel: 'social',
    objective: 'leads',
    budget: 1_500_00,
    message: 'Fresh-roasted house blends for cafes, delivered weekly',
    quality: 0.75,
    discountCode: null,
  },
  {
    code: 'coffeefest-2026',
    name: 'CoffeeFest booth',
    channel: 'event',
    objective: 'leads',
    budget: 3_000_00,
    message: 'Taste our wholesale blends at booth 14',
    quality: 0.8,
    discountCode: 'FEST20',
  },
  {
    code: 'google-search',
    name: 'Google search ads',
    channel: 'ads',
    objective: 'sales',
    budget: 1_800_00,
    message: 'Specialty coffee roasted to order',
    quality: 0.45,
    discountCode: null,
  },
  {
    code: 'referral-program',
    name: 'Referral program',
    channel: 'referral',
    objective: 'leads',
    budget: 500_00,
    message: 'Give $10, get $10 on your next bag',
    quality: 0.65,
    discountCode: 'FRIEND10',
  },
  {
    code: 'holiday-gift-box',
    name: 'Holiday gift boxes',
    channel: 'email',
    objective: 'sales',
    budget: 800_00,
    message: 'Three roasts in a gift box, wrapped by hand',
    quality: 0.5,
    discountCode: 'GIFTBOX',
  },
] as const;

export const PRODUCTS = [
  { name: 'Harbor House Blend - 12oz', sku: 'HP-HOUSE-12', price: 16_00 },
  { name: 'Colombia Huila Decaf - 12oz', sku: 'HP-COL-DC-12', price: 18_00 },
  { name: 'Ethiopia Yirgacheffe - 12oz', sku: 'HP-ETH-YIR-12', price: 21_00 },
  { name: 'Espresso Pine - 2lb', sku: 'HP-ESP-2LB', price: 42_00 },
  { name: 'Subscription - monthly', sku: 'HP-SUB-M', price: 36_00 },
] as const;

export const ACTIVITY_SUBJECTS = {
  call: ['Intro call', 'Follow-up call', 'Pricing call', 'Check in after tasting'],
  email: ['Send price list', 'Send sample follow-up', 'Share wholesale terms', 'Thank-you note'],
  meeting: ['Tasting at their cafe', 'Menu planning meeting', 'Contract review'],
  task: ['Prepare samples', 'Update proposal', 'Ship tasting kit'],
} as const;

/** Why leads were lost, the first ones more often (the list is picked from with a bias to the front). */
export const LOST_REASONS = [
  'Price too high',
  'Chose another roaster',
  'No response',
  'No budget this season',
  'Minimum order too large',
  'Delivery day did not fit',
] as const;

/** GA4's channel groups as the demo's daily visits report them: share of a day's visits and our channel. */
export const VISIT_CHANNELS = [
  { group: 'organic-search', channel: 'web', share: 0.36 },
  { group: 'direct', channel: 'web', share: 0.22 },
  { group: 'organic-social', channel: 'social', share: 0.14 },
  { group: 'email', channel: 'email', share: 0.09 },
  { group: 'paid-search', channel: 'ads', share: 0.07 },
  { group: 'paid-social', channel: 'ads', share: 0.06 },
  { group: 'referral', channel: 'referral', share: 0.06 },
] as const;

export const SHOP_PAGES = [
  '/',
  '/shop',
  '/shop/house-blend',
  '/wholesale',
  '/subscriptions',
  '/checkout',
] as const;
