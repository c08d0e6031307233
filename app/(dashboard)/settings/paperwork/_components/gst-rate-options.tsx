import { GST_RATES } from "@/lib/documents/schemas";

/** The GST rates as <option>s, for the store's default and each product's rate. */
export function GstRateOptions() {
  return GST_RATES.map((rate) => (
    <option key={rate} value={rate}>
      {rate} %
    </option>
  ));
}
