// Realistic Indian customers: names from several regions, common mail domains, 10-digit mobile
// numbers starting 6-9 (TRAI's mobile series), real city/state pairs with each city's own
// 3-digit PIN prefix, so a pincode like "400053" is plausible for Mumbai.

import type { Random } from "./random";
import type { Address, Customer } from "./types";

const FIRST_NAMES = [
  "Aarav",
  "Rahul",
  "Priya",
  "Ananya",
  "Vikram",
  "Sneha",
  "Arjun",
  "Kavya",
  "Rohan",
  "Ishita",
  "Siddharth",
  "Meera",
  "Karthik",
  "Lakshmi",
  "Aditya",
  "Pooja",
  "Harpreet",
  "Nandini",
  "Imran",
  "Fatima",
  "Suresh",
  "Divya",
  "Manoj",
  "Aishwarya",
  "Vivek",
  "Shreya",
  "Abhishek",
  "Neha",
  "Gaurav",
  "Riya",
  "Anil",
  "Deepika",
  "Sandeep",
  "Tanvi",
  "Joseph",
  "Anjali",
  "Farhan",
  "Bhavna",
] as const;

const LAST_NAMES = [
  "Sharma",
  "Verma",
  "Iyer",
  "Nair",
  "Reddy",
  "Patel",
  "Shah",
  "Gupta",
  "Singh",
  "Kaur",
  "Mukherjee",
  "Banerjee",
  "Das",
  "Rao",
  "Menon",
  "Kulkarni",
  "Deshpande",
  "Joshi",
  "Khan",
  "Fernandes",
  "Pillai",
  "Chatterjee",
  "Agarwal",
  "Mehta",
  "Bhat",
  "Naidu",
  "Sinha",
  "Mishra",
] as const;

const MAIL_DOMAINS = [
  "gmail.com",
  "gmail.com",
  "gmail.com",
  "yahoo.co.in",
  "outlook.com",
  "rediffmail.com",
  "hotmail.com",
] as const;

/** city, state, PIN prefix (first three digits of the city's head post office PIN). */
const CITIES = [
  ["Mumbai", "Maharashtra", "400"],
  ["Pune", "Maharashtra", "411"],
  ["Nagpur", "Maharashtra", "440"],
  ["New Delhi", "Delhi", "110"],
  ["Bengaluru", "Karnataka", "560"],
  ["Mysuru", "Karnataka", "570"],
  ["Chennai", "Tamil Nadu", "600"],
  ["Coimbatore", "Tamil Nadu", "641"],
  ["Hyderabad", "Telangana", "500"],
  ["Kolkata", "West Bengal", "700"],
  ["Ahmedabad", "Gujarat", "380"],
  ["Surat", "Gujarat", "395"],
  ["Jaipur", "Rajasthan", "302"],
  ["Lucknow", "Uttar Pradesh", "226"],
  ["Noida", "Uttar Pradesh", "201"],
  ["Kochi", "Kerala", "682"],
  ["Thiruvananthapuram", "Kerala", "695"],
  ["Chandigarh", "Chandigarh", "160"],
  ["Indore", "Madhya Pradesh", "452"],
  ["Bhopal", "Madhya Pradesh", "462"],
  ["Bhubaneswar", "Odisha", "751"],
  ["Guwahati", "Assam", "781"],
  ["Patna", "Bihar", "800"],
  ["Visakhapatnam", "Andhra Pradesh", "530"],
  ["Gurugram", "Haryana", "122"],
  ["Dehradun", "Uttarakhand", "248"],
  ["Panaji", "Goa", "403"],
] as const;

const STREETS = [
  "MG Road",
  "Station Road",
  "Gandhi Nagar",
  "Nehru Street",
  "Park Street",
  "Civil Lines",
  "Shivaji Nagar",
  "Sector 14",
  "Rajaji Nagar 2nd Block",
  "Anna Salai",
  "Linking Road",
  "Jubilee Hills Road No. 36",
  "Ashok Vihar Phase 2",
  "Salt Lake Sector V",
  "Indiranagar 100 Feet Road",
] as const;

const LINE2 = [
  "Apartment 4B",
  "Flat 302, Sai Residency",
  "Near City Mall",
  "Opp. SBI Branch",
  "2nd Floor",
  "Block C, Green Valley Apartments",
  "Behind Ram Mandir",
  "",
] as const;

export function fakeName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

export function fakeEmail(random: Random, name: string): string {
  const [first = "customer", last = ""] = name.toLowerCase().split(" ");
  const separator = random.pick([".", "_", ""]);
  const suffix = random.chance(0.5) ? String(random.int(1, 99)) : "";
  return `${first}${separator}${last}${suffix}@${random.pick(MAIL_DOMAINS)}`;
}

export function fakeMobile(random: Random): string {
  return `${random.int(6, 9)}${random.digits(9)}`;
}

export function fakeAddress(random: Random): { address: Address; pincode: string } {
  const [city, state, pinPrefix] = random.pick(CITIES);
  const house = random.chance(0.3) ? `${random.int(1, 20)}/${random.int(1, 40)}` : String(random.int(1, 450));
  return {
    address: { line1: `${house}, ${random.pick(STREETS)}`, line2: random.pick(LINE2), city, state, country: "India" },
    // Delivery-office suffixes are mostly 001-099 within a city.
    pincode: `${pinPrefix}${String(random.int(1, 99)).padStart(3, "0")}`,
  };
}

export function fakeCustomer(random: Random): Customer {
  const name = fakeName(random);
  const { address, pincode } = fakeAddress(random);
  return { name, email: fakeEmail(random, name), number: fakeMobile(random), address, pincode };
}

/** The webhook's one-string form: "12, MG Road, Apartment 4B, Mumbai, Maharashtra, India". */
export function formatFullAddress(address: Address): string {
  return [address.line1, address.line2, address.city, address.state, address.country]
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(", ");
}
