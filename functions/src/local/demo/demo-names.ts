// Name material for the demo tenant: Microsoft's fictitious companies and common given and
// family names of the markets Rapport speaks (English, Spanish, Portuguese, Italian).

export const companyNames = [
  'Contoso', 'Fabrikam', 'Northwind Traders', 'Adventure Works', 'Tailspin Toys', 'Woodgrove Bank', 'Litware',
  'Proseware', 'Alpine Ski House', 'Blue Yonder Airlines', 'Coho Winery', 'Fourth Coffee', 'Humongous Insurance',
  'Lucerne Publishing', "Margie's Travel", 'Trey Research', 'Wide World Importers', 'Wingtip Toys', 'Relecloud',
  'VanArsdel', 'Lamna Healthcare', 'A. Datum', 'Consolidated Messenger', 'Southridge Video', 'City Power & Light',
  'Best For You Organics', 'Bellows College', 'Nod Publishers', 'Tasmanian Traders', 'Graphic Design Institute',
  'School of Fine Art', 'Munson Pickles', 'Adatum Health', 'Alpine Logistics', 'Baldwin Museum of Science',
  'Contoso Pharmaceuticals', 'Fabrikam Residences', 'First Up Consultants', 'Hanson Brothers', 'Liberty Delightful Sweets',
  'Olympia Marine', 'Parnell Aerospace', 'Rhodes Medical', 'Sunset Valley Farms', 'Terra Firma Construction',
  'Tide Pools Aquatics', 'Universal Telemetry', 'Vista Robotics', 'Woodbridge Legal', 'Zava Fashion',
];

export const industries = [
  'Software', 'Retail', 'Banking', 'Insurance', 'Healthcare', 'Manufacturing', 'Logistics', 'Education', 'Energy',
  'Hospitality', 'Media', 'Construction', 'Agriculture', 'Aerospace', 'Legal services',
];

export const firstNames = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Susan', 'Richard', 'Jessica', 'Thomas', 'Sarah', 'Daniel', 'Karen', 'Emily', 'Olivia', 'Noah', 'Liam', 'Ava',
  'Sofía', 'Lucía', 'Martina', 'Alejandro', 'Javier', 'Carmen', 'José', 'María', 'Pablo', 'Elena', 'Diego', 'Isabel',
  'João', 'Ana', 'Pedro', 'Beatriz', 'Rafael', 'Mariana', 'Gabriel', 'Camila', 'Tiago', 'Inês',
  'Giulia', 'Francesco', 'Chiara', 'Alessandro', 'Francesca', 'Lorenzo', 'Sara', 'Matteo', 'Giorgia', 'Luca',
];

export const lastNames = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas',
  'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', "O'Brien", 'García',
  'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Díaz', 'Moreno', 'Muñoz', 'Silva', 'Santos',
  'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Ferreira', 'Rossi', 'Russo', 'Ferrari',
  'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'De Luca', 'Conti',
];

export const titles = [
  'CEO', 'CFO', 'CTO', 'Head of Procurement', 'Purchasing Manager', 'IT Director', 'Operations Manager',
  'Sales Director', 'Marketing Manager', 'Office Manager', 'Project Manager', 'Facilities Manager',
  'Head of Customer Service', 'Finance Controller', 'Product Owner', 'Engineering Lead', 'Buyer',
];

export type DemoCountry = {
  country: string;
  tld: string;
  cities: { city: string; region: string; postalCode: string }[];
  currency: string;
  /** A phone number of this country in one of the ways people write it. */
  phone: (digits: (count: number) => string, style: number) => string;
};

export const countries: DemoCountry[] = [
  {
    country: 'United States',
    tld: 'com',
    currency: 'USD',
    cities: [
      { city: 'Seattle', region: 'WA', postalCode: '98101' },
      { city: 'Redmond', region: 'WA', postalCode: '98052' },
      { city: 'Chicago', region: 'IL', postalCode: '60601' },
      { city: 'Austin', region: 'TX', postalCode: '73301' },
      { city: 'Boston', region: 'MA', postalCode: '02108' },
    ],
    phone: (d, style) => {
      const [area, line] = [`${2 + Number(d(1)) % 8}${d(2)}`, d(4)];
      return [`+1 (${area}) 555-${line}`, `${area}.555.${line}`, `${area}555${line}`, `+1 ${area} 555 ${line}`][style % 4] as string;
    },
  },
  {
    country: 'United Kingdom',
    tld: 'co.uk',
    currency: 'GBP',
    cities: [
      { city: 'London', region: 'England', postalCode: 'EC1A 1BB' },
      { city: 'Manchester', region: 'England', postalCode: 'M1 1AE' },
      { city: 'Edinburgh', region: 'Scotland', postalCode: 'EH1 1YZ' },
    ],
    phone: (d, style) => {
      const rest = `7946 ${d(4)}`;
      return [`+44 (0)20 ${rest}`, `020 ${rest}`, `+44 20 ${rest}`][style % 3] as string;
    },
  },
  {
    country: 'Spain',
    tld: 'es',
    currency: 'EUR',
    cities: [
      { city: 'Madrid', region: 'Madrid', postalCode: '28013' },
      { city: 'Barcelona', region: 'Cataluña', postalCode: '08002' },
      { city: 'Valencia', region: 'Comunidad Valenciana', postalCode: '46002' },
    ],
    phone: (d, style) => {
      const [a, b, c] = [`9${d(2)}`, d(3), d(3)];
      return [`+34 ${a} ${b} ${c}`, `${a} ${b} ${c}`, `0034${a}${b}${c}`][style % 3] as string;
    },
  },
  {
    country: 'Italy',
    tld: 'it',
    currency: 'EUR',
    cities: [
      { city: 'Milano', region: 'Lombardia', postalCode: '20121' },
      { city: 'Roma', region: 'Lazio', postalCode: '00184' },
      { city: 'Torino', region: 'Piemonte', postalCode: '10121' },
    ],
    phone: (d, style) => {
      const [a, b] = [d(4), d(4)];
      return [`+39 02 ${a} ${b}`, `02 ${a}${b}`, `+39 (02) ${a}-${b}`][style % 3] as string;
    },
  },
  {
    country: 'Brazil',
    tld: 'com.br',
    currency: 'BRL',
    cities: [
      { city: 'São Paulo', region: 'SP', postalCode: '01310-100' },
      { city: 'Rio de Janeiro', region: 'RJ', postalCode: '20040-002' },
    ],
    phone: (d, style) => {
      const [a, b] = [`9${d(4)}`, d(4)];
      return [`+55 11 ${a}-${b}`, `(11) ${a}-${b}`, `+55 (11) ${a} ${b}`][style % 3] as string;
    },
  },
  {
    country: 'Portugal',
    tld: 'pt',
    currency: 'EUR',
    cities: [
      { city: 'Lisboa', region: 'Lisboa', postalCode: '1100-148' },
      { city: 'Porto', region: 'Porto', postalCode: '4000-322' },
    ],
    phone: (d, style) => {
      const [a, b, c] = [`21${d(1)}`, d(3), d(3)];
      return [`+351 ${a} ${b} ${c}`, `${a} ${b} ${c}`][style % 2] as string;
    },
  },
];

export const emailSubjects = [
  'Quote for the next quarter', 'Follow-up on our call', 'Renewal of the service contract', 'Question about invoice',
  'Meeting notes', 'Proposal revision', 'Pricing for additional seats', 'Delivery schedule', 'Introduction',
  'Your feedback on the pilot', 'Updated contract draft', 'Onboarding plan', 'Technical requirements',
];
export const callSubjects = ['Discovery call', 'Pricing discussion', 'Check-in call', 'Support follow-up', 'Renewal call', 'Reference call'];
export const meetingSubjects = ['Quarterly business review', 'Product demo', 'Kick-off meeting', 'Contract negotiation', 'Site visit', 'Workshop'];
export const taskSubjects = ['Send revised quote', 'Prepare proposal', 'Check credit terms', 'Schedule demo', 'Call back about renewal', 'Send case study'];
export const noteSubjects = ['Budget approved for Q3', 'Decision maker changed', 'Prefers e-mail over calls', 'Competitor in the deal', 'Expansion planned next year'];
export const caseSubjects = [
  'Cannot log in to the portal', 'Invoice shows the wrong amount', 'Delivery arrived damaged', 'Request for training',
  'Feature not working after update', 'Question about warranty', 'Slow response from support', 'Data export fails',
];
