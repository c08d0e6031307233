// India's states and union territories with their GST state codes (the first two digits of a
// GSTIN; CGST Rule 46 prints "state name and code" for the place of supply). Code 25 (Daman and
// Diu) and 28 (undivided Andhra Pradesh) are retired: both merged into 26 and 37. Client-safe.

export type IndiaState = { code: string; name: string };

export const INDIA_STATES: readonly IndiaState[] = [
  { code: "01", name: "Jammu and Kashmir" },
  { code: "02", name: "Himachal Pradesh" },
  { code: "03", name: "Punjab" },
  { code: "04", name: "Chandigarh" },
  { code: "05", name: "Uttarakhand" },
  { code: "06", name: "Haryana" },
  { code: "07", name: "Delhi" },
  { code: "08", name: "Rajasthan" },
  { code: "09", name: "Uttar Pradesh" },
  { code: "10", name: "Bihar" },
  { code: "11", name: "Sikkim" },
  { code: "12", name: "Arunachal Pradesh" },
  { code: "13", name: "Nagaland" },
  { code: "14", name: "Manipur" },
  { code: "15", name: "Mizoram" },
  { code: "16", name: "Tripura" },
  { code: "17", name: "Meghalaya" },
  { code: "18", name: "Assam" },
  { code: "19", name: "West Bengal" },
  { code: "20", name: "Jharkhand" },
  { code: "21", name: "Odisha" },
  { code: "22", name: "Chhattisgarh" },
  { code: "23", name: "Madhya Pradesh" },
  { code: "24", name: "Gujarat" },
  { code: "26", name: "Dadra and Nagar Haveli and Daman and Diu" },
  { code: "27", name: "Maharashtra" },
  { code: "29", name: "Karnataka" },
  { code: "30", name: "Goa" },
  { code: "31", name: "Lakshadweep" },
  { code: "32", name: "Kerala" },
  { code: "33", name: "Tamil Nadu" },
  { code: "34", name: "Puducherry" },
  { code: "35", name: "Andaman and Nicobar Islands" },
  { code: "36", name: "Telangana" },
  { code: "37", name: "Andhra Pradesh" },
  { code: "38", name: "Ladakh" },
  { code: "97", name: "Other Territory" },
];

const BY_CODE = new Map(INDIA_STATES.map((state) => [state.code, state]));

/** Old and informal names customers type, beside each state's own name. */
const ALIASES: Record<string, string> = {
  orissa: "21",
  pondicherry: "34",
  uttaranchal: "05",
  newdelhi: "07",
  nctofdelhi: "07",
  nationalcapitalterritoryofdelhi: "07",
  jammuandkashmir: "01",
  jk: "01",
  andamanandnicobar: "35",
  dadraandnagarhaveli: "26",
  damananddiu: "26",
  dnhdd: "26",
  up: "09",
  mp: "23",
  tn: "33",
  ap: "37",
  wb: "19",
};

function key(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("&", "and")
    .replace(/[^a-z]/g, "");
}

const BY_NAME = new Map<string, string>([...INDIA_STATES.map((state) => [key(state.name), state.code] as const)]);
for (const [alias, code] of Object.entries(ALIASES)) BY_NAME.set(alias, code);

export function stateByCode(code: string): IndiaState | undefined {
  return BY_CODE.get(code);
}

/** The state a free-text name means ("Maharashtra", "TAMILNADU", "Orissa"), or undefined. */
export function stateByName(name: string | null | undefined): IndiaState | undefined {
  if (!name) return undefined;
  const code = BY_NAME.get(key(name));
  return code ? BY_CODE.get(code) : undefined;
}
